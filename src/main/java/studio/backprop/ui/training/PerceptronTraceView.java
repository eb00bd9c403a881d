package studio.backprop.ui.training;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import studio.backprop.train.Probe;
import studio.backprop.train.StepRecord.PerceptronRow;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.stepper.StepNumbers;

/**
 * The perceptron lesson's trace table, filling row by row as the perceptron is shown one sample per step: the sample,
 * x, z = w·x + b, the output ŷ, the label y, the error y − ŷ, w and b before and after, and whether the rule updated.
 * Rows of an update are marked; epochs alternate their shade, so "an epoch without an update" is visible at a glance.
 * Fed by a {@link Probe.PerceptronTrace} while {@link #setActive} is on.
 */
public final class PerceptronTraceView extends VBox implements Exportable {

    /** The owner key of the view's probe. */
    static final String PROBES = "perceptron-trace";
    private static final int DIGITS = 6;

    private final TrainingViewModel training;
    private final Probe.PerceptronTrace probe = new Probe.PerceptronTrace(2_000, 12);
    private final TableView<Probe.TraceLine> table = new TableView<>();
    private final Label heading = new Label("Trace: one row per sample, z = w·x + b");
    private final Label tally = new Label();
    private boolean active;

    public PerceptronTraceView(TrainingViewModel training) {
        this.training = training;
        getStyleClass().add("perceptron-trace");
        heading.getStyleClass().add("panel-title");
        tally.setWrapText(true);
        tally.getStyleClass().add("status-line");
        table.getColumns().add(column("step", l -> Long.toString(l.step()), 40));
        table.getColumns().add(column("sample", l -> Integer.toString(l.row().sample()), 54));
        table.getColumns().add(column("x", l -> vector(l.row().x()), 64));
        table.getColumns().add(column("z", l -> StepNumbers.of(l.row().z(), DIGITS), 48));
        table.getColumns().add(column("ŷ", l -> StepNumbers.of(l.row().predicted(), DIGITS), 32));
        table.getColumns().add(column("y", l -> StepNumbers.of(l.row().label(), DIGITS), 32));
        table.getColumns().add(column("y−ŷ", l -> StepNumbers.of(l.row().error(), DIGITS), 44));
        table.getColumns().add(column("w, b before", l -> weights(l.row().weightsBefore(), l.row().biasBefore()),
                100));
        table.getColumns().add(column("w, b after", l -> weights(l.row().weightsAfter(), l.row().biasAfter()),
                100));
        table.getColumns().add(column("update", l -> l.row().updated() ? "yes" : "—", 54));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Step a sample: each one the perceptron sees adds a row here."));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Probe.TraceLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("trace-update", "trace-epoch-odd");
                if (!empty && line != null) {
                    if (line.row().updated()) {
                        getStyleClass().add("trace-update");
                    }
                    if (line.epoch() % 2 == 1) {
                        getStyleClass().add("trace-epoch-odd");
                    }
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(heading, table, tally);
        setSpacing(6);
        setPadding(new Insets(8));
        training.snapshotProperty().addListener((o, a, s) -> follow(s));
    }

    /** Registers the probe while the view is shown for a perceptron (the loop keeps the trace regardless). */
    public void setActive(boolean on) {
        if (on != active) {
            active = on;
            training.setProbes(PROBES, on ? List.of(probe) : List.of());
        }
    }

    private void follow(TrainingSnapshot s) {
        if (s == null || !active) {
            return;
        }
        List<Probe.TraceLine> lines = s.payload(probe);
        if (lines == null) {
            return;
        }
        if (!lines.equals(table.getItems())) {
            table.getItems().setAll(lines);
            if (!lines.isEmpty()) {
                table.scrollTo(lines.size() - 1);
            }
        }
        tally.setText(describe(lines));
    }

    /** "12 samples in 3 epochs, 4 updates; epoch 3 made none: converged." */
    static String describe(List<Probe.TraceLine> lines) {
        if (lines.isEmpty()) {
            return "No sample shown yet.";
        }
        long updates = lines.stream().filter(l -> l.row().updated()).count();
        Probe.TraceLine last = lines.get(lines.size() - 1);
        StringBuilder sb = new StringBuilder().append(lines.size()).append(lines.size() == 1 ? " sample" : " samples")
                .append(" shown in ").append(last.epoch()).append(last.epoch() == 1 ? " epoch, " : " epochs, ")
                .append(updates).append(updates == 1 ? " update" : " updates");
        boolean lastEpochQuiet = lines.stream().filter(l -> l.epoch() == last.epoch())
                .noneMatch(l -> l.row().updated());
        if (lastEpochQuiet && last.epoch() > 1) {
            sb.append("; epoch ").append(last.epoch()).append(" has made no update so far");
        }
        return sb.append('.').toString();
    }

    private static String vector(float[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(StepNumbers.of(v[i], DIGITS));
        }
        return sb.append(')').toString();
    }

    private static String weights(float[] w, float b) {
        return vector(w) + ", " + StepNumbers.of(b, DIGITS);
    }

    private static TableColumn<Probe.TraceLine, String> column(String title, Function<Probe.TraceLine, String> f,
                                                               double width) {
        TableColumn<Probe.TraceLine, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setSortable(false);
        return c;
    }

    /** The rows shown (for tests). */
    public List<Probe.TraceLine> shown() {
        return List.copyOf(table.getItems());
    }

    @Override
    public Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return "perceptron-trace";
    }
}
