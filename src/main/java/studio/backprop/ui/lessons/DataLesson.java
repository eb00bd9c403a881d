package studio.backprop.ui.lessons;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import studio.backprop.data.ColumnTable;
import studio.backprop.data.ColumnTable.Column;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.export.Exportable;

/**
 * Splits, k-fold cross-validation, scaling and the one-hot, ordinal and thermometer encodings on the open document's
 * table (its CSV file or its digits), split as training would split it; without one, on a small table of flats.
 */
final class DataLesson implements Lesson {

    private final DataPlot plot = new DataPlot();
    private final Label message = Controls.messageLine();
    private final Label source = Controls.text("");
    private final BorderPane content = new BorderPane();
    private final ComboBox<String> numericChoice = new ComboBox<>();
    private final ComboBox<String> categoricalChoice = new ComboBox<>();
    /** The categorical column's levels, lowest first, as the user ordered them (a CSV file cannot say). */
    private final javafx.scene.control.TextField levelOrder = new javafx.scene.control.TextField();
    /** The order typed for the shown categorical column, or null for the column's own. */
    private List<String> typedOrder;
    private final NumberField rowsField;
    private final NumberField trainField;
    private final NumberField validationField;
    private final NumberField seedField;
    private final ObservableValue<NetworkDocument> document;
    private final Supplier<Path> folder;
    /** Reads tables on a thread of its own, so a table does not wait behind the other lessons' computations. */
    private static final java.util.concurrent.ExecutorService READER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "data-lesson-reader");
                t.setDaemon(true);
                return t;
            });
    private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
    private LessonData data = LessonData.flats();
    /** The [data] section the shown table was read from, or null for the flats. */
    private ComponentSpec loadedFrom;
    private int rows = 30;
    private double train = 0.7;
    private double validation = 0.15;
    private int k = 5;
    private long seed = 1;

    /** The lesson on the built-in flats only. */
    DataLesson() {
        this(null, null);
    }

    /**
     * @param document the open document, whose table is shown when it has one (null: always the flats)
     * @param folder   the folder the document's data paths are relative to
     */
    DataLesson(ObservableValue<NetworkDocument> document, Supplier<Path> folder) {
        this.document = document;
        this.folder = folder;
        rowsField = new NumberField("the number of rows", rows, v -> {
            rows = whole(v, 4, 60, "the number of rows");
            redraw();
        }, message);
        trainField = new NumberField("the training fraction", train, v -> {
            train = v;
            redraw();
        }, message);
        trainField.getStyleClass().add("data-train");
        validationField = new NumberField("the validation fraction", validation, v -> {
            validation = v;
            redraw();
        }, message);
        validationField.getStyleClass().add("data-validation");
        NumberField kField = new NumberField("k", k, v -> {
            k = whole(v, 2, 10, "k");
            redraw();
        }, message);
        seedField = new NumberField("the seed", seed, v -> {
            seed = whole(v, 0, Integer.MAX_VALUE, "the seed");
            redraw();
        }, message);
        source.getStyleClass().add("data-source");
        numericChoice.getStyleClass().add("data-numeric");
        categoricalChoice.getStyleClass().add("data-categorical");
        numericChoice.setOnAction(e -> refresh());
        categoricalChoice.setOnAction(e -> {
            typedOrder = null;
            refresh();
        });
        levelOrder.getStyleClass().add("data-level-order");
        levelOrder.setOnAction(e -> orderTyped());
        levelOrder.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                orderTyped();
            }
        });
        content.setLeft(Controls.column(250, source, Controls.labelled("Rows (the flats' split)", rowsField),
                Controls.labelled("Training fraction", trainField),
                Controls.labelled("Validation fraction (the rest is test)", validationField),
                Controls.labelled("k of k-fold", kField), Controls.labelled("Seed", seedField),
                Controls.labelled("Numeric column to scale", numericChoice),
                Controls.labelled("Categorical column to encode", categoricalChoice),
                Controls.labelled("Its levels, lowest first (type to reorder)", levelOrder),
                Controls.text("The split is the engine's seeded splitter, the one training uses; the test part is "
                        + "reported on its own and never trains or picks a model. Min-max maps a column to [0, 1], "
                        + "standard scaling to mean 0 and σ 1. One-hot gives each level a bit; ordinal numbers the "
                        + "levels; the thermometer switches on one more bit per step up the order."),
                message));
        content.setCenter(plot);
        use(LessonData.flats(), "No document table: showing twelve flats.");
        if (document != null) {
            document.addListener((o, was, now) -> follow());
            content.sceneProperty().addListener((o, was, now) -> follow());
        }
    }

    /** Reads the open document's table when the lesson is shown and the document's data changed. */
    private void follow() {
        NetworkDocument doc = document.getValue();
        if (content.getScene() == null || doc == null) {
            return;
        }
        if (!LessonData.readable(doc)) {
            if (loadedFrom != null || data.fromFile()) {
                loadedFrom = null;
                use(LessonData.flats(), "The open document's data is not a table (" + doc.data().type()
                        + "): showing twelve flats.");
            }
            return;
        }
        if (doc.data().equals(loadedFrom)) {
            // the same table (or one still being read, or one that could not be read): only the plan may differ
            if (data.fromFile()) {
                LessonData replanned = data.withPlanOf(doc);
                use(replanned, describe(replanned));
            }
            return;
        }
        loadedFrom = doc.data();
        Path base = folder.get();
        source.setText("Reading the open document's data…");
        long mine = reads.incrementAndGet();
        READER.execute(() -> {
            LessonData loaded = null;
            String problem = null;
            try {
                loaded = LessonData.of(doc, base);
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
            LessonData result = loaded;
            String why = problem;
            javafx.application.Platform.runLater(() -> {
                if (reads.get() != mine) {
                    return;
                }
                if (result != null) {
                    use(result, describe(result));
                } else {
                    use(LessonData.flats(), "The open document's table could not be read (" + why + "): showing "
                            + "twelve flats.");
                }
            });
        });
    }

    private static String describe(LessonData d) {
        return "The open document's table: " + d.table().name() + ", " + d.table().rows() + " rows, split as "
                + "training splits it (validation " + Format.number(d.validation()) + ", test "
                + Format.number(d.test()) + (d.last() ? ", the last rows" : ", shuffled with seed " + d.seed())
                + ").";
    }

    /** Shows a table: its columns in the choosers, and for a document's table its fractions and seed. */
    private void use(LessonData next, String what) {
        data = next;
        source.setText(what);
        rowsField.setDisable(next.fromFile());
        fill(numericChoice, next.table().numeric());
        fill(categoricalChoice, next.table().categorical());
        if (next.fromFile()) {
            seed = next.seed();
            validation = next.validation();
            train = 1 - next.validation() - next.test();
            seedField.show(seed);
            validationField.show(validation);
            trainField.show(train);
        }
        refresh();
    }

    /** Redraws, writing a refusal (a fraction too small for the table's rows) in the message line. */
    private void refresh() {
        try {
            redraw();
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
        }
    }

    private static void fill(ComboBox<String> box, List<Column> columns) {
        List<String> names = columns.stream().map(Column::name).toList();
        if (!box.getItems().equals(names)) {
            box.getItems().setAll(names);
            box.setValue(names.isEmpty() ? null : names.get(0));
        }
        box.setDisable(names.isEmpty());
    }

    /**
     * Takes the typed level order when it names every level of the shown categorical column exactly once; otherwise
     * says in the message line what is missing or extra and keeps the order shown.
     */
    private void orderTyped() {
        Column column = data.table().column(categoricalChoice.getValue());
        if (column == null) {
            return;
        }
        List<String> typed = java.util.Arrays.stream(levelOrder.getText().split(",")).map(String::trim)
                .filter(w -> !w.isEmpty()).toList();
        List<String> current = typedOrder != null ? typedOrder : column.levels();
        if (typed.equals(current)) {
            return;
        }
        if (typed.size() != column.levels().size() || !new java.util.HashSet<>(typed).containsAll(column.levels())) {
            message.setText("The order must name each level of '" + column.name() + "' once, separated by commas: "
                    + String.join(", ", column.levels()) + " in the order you mean, lowest first.");
            return;
        }
        typedOrder = typed;
        refresh();
    }

    private static int whole(double v, int low, int high, String name) {
        if (v != Math.rint(v) || v < low || v > high) {
            throw new IllegalArgumentException(name + " must be a whole number from " + low + " to " + high
                    + "; got " + v);
        }
        return (int) v;
    }

    private void redraw() {
        double test = 1 - train - validation;
        if (test < -1e-9) {
            throw new IllegalArgumentException("the training and validation fractions add up to more than 1");
        }
        ColumnTable table = data.table();
        int n = data.fromFile() ? table.rows() : rows;
        int[] split = DataHandlingModel.split(n, validation, Math.max(0, test), data.fromFile() && data.last(), seed);
        Column categorical = table.column(categoricalChoice.getValue());
        if (categorical == null || typedOrder != null && (typedOrder.size() != categorical.levels().size()
                || !typedOrder.containsAll(categorical.levels()))) {
            typedOrder = null;
        }
        if (categorical != null && typedOrder != null) {
            categorical = Column.categorical(categorical.name(), categorical.words(), typedOrder);
        }
        if (!levelOrder.isFocused()) {
            levelOrder.setText(categorical == null ? "" : String.join(", ", categorical.levels()));
        }
        levelOrder.setDisable(categorical == null);
        plot.show(split, DataHandlingModel.folds(n, Math.min(k, n), seed), Math.min(k, n), table.name(),
                table.column(numericChoice.getValue()), categorical, typedOrder == null && loadedFrom != null
                        && data.fromFile() && loadedFrom.type().trim().equalsIgnoreCase("csv"));
        message.setText("");
    }

    @Override
    public String title() {
        return "Data handling";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of(plot);
    }

    @Override
    public void setPresenterMode(boolean on) {
        plot.setPresenter(on);
    }

    @Override
    public void setDarkColours(boolean dark) {
        plot.setDark(dark);
    }
}
