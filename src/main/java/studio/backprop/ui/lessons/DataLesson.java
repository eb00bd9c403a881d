package studio.backprop.ui.lessons;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import studio.backprop.ui.export.Exportable;

/** Splits, k-fold cross-validation, scaling and the one-hot, ordinal and thermometer encodings on a small table. */
final class DataLesson implements Lesson {

    private final DataPlot plot = new DataPlot();
    private final Label message = Controls.messageLine();
    private final BorderPane content = new BorderPane();
    private int rows = 30;
    private double train = 0.7;
    private double validation = 0.15;
    private int k = 5;
    private long seed = 1;

    DataLesson() {
        NumberField rowsField = new NumberField("the number of rows", rows, v -> {
            rows = whole(v, 4, 60, "the number of rows");
            redraw();
        }, message);
        NumberField trainField = new NumberField("the training fraction", train, v -> {
            train = v;
            redraw();
        }, message);
        trainField.getStyleClass().add("data-train");
        NumberField validationField = new NumberField("the validation fraction", validation, v -> {
            validation = v;
            redraw();
        }, message);
        NumberField kField = new NumberField("k", k, v -> {
            k = whole(v, 2, 10, "k");
            redraw();
        }, message);
        NumberField seedField = new NumberField("the seed", seed, v -> {
            seed = whole(v, 0, Integer.MAX_VALUE, "the seed");
            redraw();
        }, message);
        content.setLeft(Controls.column(250, Controls.labelled("Rows", rowsField),
                Controls.labelled("Training fraction", trainField),
                Controls.labelled("Validation fraction (the rest is test)", validationField),
                Controls.labelled("k of k-fold", kField), Controls.labelled("Seed", seedField),
                Controls.text("The split is the engine's seeded splitter; the test part is reported on its own and"
                        + " never trains or picks a model. Min-max maps a column to [0, 1], standard scaling to "
                        + "mean 0 and σ 1. One-hot gives each level a bit; ordinal numbers the levels; the "
                        + "thermometer switches on one more bit per step up the order."),
                message));
        content.setCenter(plot);
        redraw();
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
        plot.show(DataHandlingModel.split(rows, train, validation, Math.max(0, test), seed),
                DataHandlingModel.folds(rows, Math.min(k, rows), seed), Math.min(k, rows));
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
