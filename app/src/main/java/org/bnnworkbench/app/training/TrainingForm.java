package org.bnnworkbench.app.training;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.TrainingParameter;
import org.bnnworkbench.experiments.run.TrainingParameters;

/**
 * The training form's values: the data set (a name or a folder) and every hyperparameter of
 * {@link TrainingParameters}, the same declarations as {@code bnn train}'s options. A value is checked when it is
 * entered; a refused one leaves the form as it was and says why.
 */
public final class TrainingForm {

    private final StringProperty dataset = new SimpleStringProperty(RunSettings.DEFAULT_DATASET);
    private final ReadOnlyObjectWrapper<ParameterValues> values =
            new ReadOnlyObjectWrapper<>(TrainingParameters.defaults());
    private final BooleanProperty twinInParallel = new SimpleBooleanProperty(false);

    /** The data set's name (e.g. {@code fashion-mnist-subset}) or folder. */
    public StringProperty datasetProperty() {
        return dataset;
    }

    public String dataset() {
        return dataset.get();
    }

    /** Whether "Train twin too" trains the full-precision twin beside the binary run instead of after it. */
    public BooleanProperty twinInParallelProperty() {
        return twinInParallel;
    }

    public ReadOnlyObjectProperty<ParameterValues> valuesProperty() {
        return values.getReadOnlyProperty();
    }

    /** The value of one parameter in its text form, e.g. {@code 1.3} for {@code clip}. */
    public String text(String name) {
        TrainingParameter p = TrainingParameters.get(name);
        return p.format(values.get().get(name));
    }

    /**
     * Sets a hyperparameter from its text.
     *
     * @return null if it was taken, else why not (e.g. {@code expects a positive number, got '-1'})
     */
    public String set(String name, String text) {
        TrainingParameter p = TrainingParameters.get(name);
        ParameterValues next;
        try {
            next = values.get().withFoundValue(name, p.parse(text));
            TrainingParameters.toConfig(next);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        values.set(next);
        return null;
    }

    /** The hyperparameters as a config; always valid, as only valid values are taken. */
    public TrainingConfig config() {
        return TrainingParameters.toConfig(values.get());
    }

    public void setConfig(TrainingConfig config) {
        values.set(TrainingParameters.values(config));
    }
}
