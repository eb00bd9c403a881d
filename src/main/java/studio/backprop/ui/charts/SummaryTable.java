package studio.backprop.ui.charts;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import studio.backprop.nn.ModelSummary;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;

/**
 * The model summary as a small table (layer, type, output shape, parameters, with totals), for pictures of a
 * network made by the command line's {@code export --view summary}.
 */
public final class SummaryTable extends GridPane implements Exportable {

    private final ChartPalette palette;
    private final double k;
    private final java.util.List<Label> cells = new java.util.ArrayList<>();

    /**
     * @param title   shown above the table (the network's name)
     * @param palette colours of the text and background
     * @param k       size factor (1, or 1.75 in presenter mode)
     */
    public SummaryTable(String title, ModelSummary summary, ChartPalette palette, double k) {
        this.palette = palette;
        this.k = k;
        setPadding(new Insets(12 * k));
        setHgap(18 * k);
        setVgap(4 * k);
        setBackground(Background.fill(palette.background()));
        for (int c = 0; c < 4; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 3 ? HPos.RIGHT : HPos.LEFT);
            getColumnConstraints().add(cc);
        }
        add(cell(title, true), 0, 0, 4, 1);
        row(1, true, "Layer", "Type", "Output shape", "Parameters");
        row(2, false, "input", "Input", shape(summary.inputShape()), "0");
        int r = 3;
        for (ModelSummary.Row row : summary.rows()) {
            row(r++, false, row.name(), row.type(), shape(row.outputShape()), count(row.total()));
        }
        row(r++, true, "Total", "", "", count(summary.total()));
        add(cell("Trainable " + count(summary.trainable()) + ", non-trainable " + count(summary.nonTrainable()),
                false), 0, r++, 4, 1);
        for (String error : summary.errors()) {
            add(note("Problem: " + error), 0, r++, 4, 1);
        }
        for (String warning : summary.warnings()) {
            add(note("Warning: " + warning), 0, r++, 4, 1);
        }
    }

    private void row(int r, boolean bold, String... cells) {
        for (int c = 0; c < cells.length; c++) {
            add(cell(cells[c], bold), c, r);
        }
    }

    private Label cell(String text, boolean bold) {
        Label l = new Label(text);
        l.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, 13 * k));
        l.setTextFill(palette.text());
        cells.add(l);
        return l;
    }

    private Label note(String text) {
        Label l = cell(text, false);
        l.setWrapText(true);
        l.setMaxWidth(560 * k);
        return l;
    }

    private static String shape(int[] s) {
        if (s == null) {
            return "?";
        }
        return IntStream.of(s).mapToObj(Integer::toString).collect(Collectors.joining("×"));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Override
    public Node exportNode() {
        return this;
    }

    /** For a picture: no background of its own, the text in the colour that reads over {@code background}. */
    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        Background fill = getBackground();
        ChartPalette ink = background.darkColours(palette == ChartPalette.DARK) ? ChartPalette.DARK
                : ChartPalette.LIGHT;
        setBackground(null);
        cells.forEach(l -> l.setTextFill(ink.text()));
        return new Picture(this, () -> {
            setBackground(fill);
            cells.forEach(l -> l.setTextFill(palette.text()));
        });
    }

    @Override
    public String exportName() {
        return "summary";
    }
}
