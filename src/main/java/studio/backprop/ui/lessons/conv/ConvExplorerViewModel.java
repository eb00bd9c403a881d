package studio.backprop.ui.lessons.conv;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The explorer's state: the example being explored, what the engine computed for it, the window's position (how
 * many outputs are filled in) and a message in words when the example cannot be computed. An example that fails
 * keeps the last good result on show, so nothing typed is lost.
 */
public final class ConvExplorerViewModel {

    private final ObjectProperty<ConvSettings> settings = new SimpleObjectProperty<>(ConvSettings.courseExample());
    private final ReadOnlyObjectWrapper<ConvResult> result = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty position = new SimpleIntegerProperty(0);
    private final StringProperty message = new SimpleStringProperty("");

    public ConvExplorerViewModel() {
        settings.addListener((o, was, now) -> compute());
        compute();
    }

    private void compute() {
        try {
            ConvResult r = ConvComputation.run(settings.get());
            result.set(r);
            message.set("");
            position.set(Math.min(position.get(), r.outH() * r.outW() - 1));
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
        } catch (RuntimeException e) {
            message.set("This example cannot be computed: " + e.getMessage());
        }
    }

    public ObjectProperty<ConvSettings> settingsProperty() {
        return settings;
    }

    public ConvSettings settings() {
        return settings.get();
    }

    public void update(java.util.function.UnaryOperator<ConvSettings> change) {
        settings.set(change.apply(settings.get()));
    }

    public ReadOnlyObjectProperty<ConvResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ConvResult result() {
        return result.get();
    }

    /** The output element the window is on, row-major from 0. */
    public IntegerProperty positionProperty() {
        return position;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Moves the window one output element on (wrapping to the first after the last); returns true if it wrapped. */
    public boolean step() {
        int count = result.get().outH() * result.get().outW();
        boolean wraps = position.get() + 1 >= count;
        position.set(wraps ? 0 : position.get() + 1);
        return wraps;
    }

    /** Moves the window one output element back (stays on the first). */
    public void stepBack() {
        position.set(Math.max(0, position.get() - 1));
    }

    /** Shows every output at once (the window on the last element). */
    public void finish() {
        position.set(result.get().outH() * result.get().outW() - 1);
    }

    /** The arithmetic at the window's position. */
    public String arithmetic() {
        ConvResult r = result.get();
        int p = Math.min(position.get(), r.outH() * r.outW() - 1);
        return r.arithmetic(p / r.outW(), p % r.outW());
    }
}
