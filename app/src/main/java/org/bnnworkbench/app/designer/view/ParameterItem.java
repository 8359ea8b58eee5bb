package org.bnnworkbench.app.designer.view;

import java.util.Optional;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.controlsfx.control.PropertySheet;

/**
 * One row of the property sheet: a declared parameter, its current value as text, and what to do
 * with a new value. {@code commit} returns null when the value was taken, else the reason it was
 * refused, which the editor shows beside the field.
 */
final class ParameterItem implements PropertySheet.Item {

    private final String category;
    private final ParameterDeclaration declaration;
    private final String value;
    private final Function<String, String> commit;
    private final boolean editable;

    ParameterItem(String category, ParameterDeclaration declaration, String value, Function<String, String> commit,
                  boolean editable) {
        this.category = category;
        this.declaration = declaration;
        this.value = value;
        this.commit = commit;
        this.editable = editable;
    }

    ParameterDeclaration declaration() {
        return declaration;
    }

    String commit(String text) {
        return commit.apply(text);
    }

    @Override
    public Class<?> getType() {
        return String.class;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return declaration.name();
    }

    @Override
    public String getDescription() {
        return declaration.description() + " (" + declaration.range() + ")";
    }

    @Override
    public Object getValue() {
        return value;
    }

    @Override
    public void setValue(Object newValue) {
        commit.apply(String.valueOf(newValue));
    }

    @Override
    public Optional<ObservableValue<?>> getObservableValue() {
        return Optional.empty();
    }

    @Override
    public boolean isEditable() {
        return editable;
    }
}
