package org.bnnworkbench.app.parameters;

import java.util.Optional;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.controlsfx.control.PropertySheet;

/**
 * One row of a property sheet (the designer's, the training form's): a declared parameter, its current value as text, and what to do
 * with a new value. {@code commit} returns null when the value was taken, else the reason it was
 * refused, which the editor shows beside the field. A row is updated in place when the sheet shows
 * the next block of the same kind, so the sheet need not be rebuilt.
 */
public final class ParameterItem implements PropertySheet.Item {

    private final String category;
    private final ParameterDeclaration declaration;
    private String value;
    private Function<String, String> commit;
    private ParameterEditor editor;

    public ParameterItem(String category, ParameterDeclaration declaration, String value, Function<String, String> commit) {
        this.category = category;
        this.declaration = declaration;
        this.value = value;
        this.commit = commit;
    }

    public ParameterDeclaration declaration() {
        return declaration;
    }

    public String commit(String text) {
        return commit.apply(text);
    }

    /** What identifies the row's place in a sheet: same key, same editor. */
    public String key() {
        return category + "/" + declaration.name() + "/" + declaration.kind() + "/" + declaration.choices();
    }

    void attach(ParameterEditor e) {
        editor = e;
    }

    /** Takes the value and the action of another row for the same parameter and shows the value. */
    public void update(ParameterItem next) {
        value = next.value;
        commit = next.commit;
        if (editor != null) {
            editor.show(value);
        }
    }

    public String text() {
        return value;
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
}
