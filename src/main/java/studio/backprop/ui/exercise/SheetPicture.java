package studio.backprop.ui.exercise;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import studio.backprop.train.exercise.ExerciseSheet;
import studio.backprop.train.exercise.SheetRow;
import studio.backprop.train.exercise.SheetText;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ScalableCanvas;

/**
 * An exercise sheet drawn for print and slides: the title, the task, then the questions as a table with the hidden
 * cells as empty boxes to write in, or (the solution) with the answers filled in bold on green. It sizes itself to
 * the table, so it is exported whole, and is drawn again at the export's scale so text stays sharp.
 */
public final class SheetPicture extends Region implements Exportable {

    private static final double PAD = 24;
    private static final double ROW = 24;
    private static final double CELL_PAD = 10;
    private static final Font BODY = Font.font("System", 13);
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 13);
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 18);

    private final ScalableCanvas canvas = new ScalableCanvas();
    private final boolean solution;
    private ExerciseSheet sheet;
    private double[] widths = new double[SheetText.COLUMNS.size()];

    /** @param solution whether the answers are filled in */
    public SheetPicture(boolean solution) {
        this.solution = solution;
        getChildren().add(canvas);
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    }

    /** Shows this sheet (null: none) and takes the size its table needs. */
    public void show(ExerciseSheet s) {
        sheet = s;
        measure();
        draw();
    }

    private void measure() {
        List<SheetRow> rows = sheet == null ? List.of() : sheet.printed();
        widths = new double[SheetText.COLUMNS.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width(SheetText.COLUMNS.get(c), BOLD) + 2 * CELL_PAD;
        }
        for (SheetRow r : rows) {
            String[] cells = cells(r);
            for (int c = 0; c < cells.length; c++) {
                widths[c] = Math.max(widths[c], width(cells[c], r.hidden() ? BOLD : BODY) + 2 * CELL_PAD);
            }
        }
        widths[widths.length - 1] = Math.max(widths[widths.length - 1], 110);
        double table = 0;
        for (double w : widths) {
            table += w;
        }
        double w = Math.max(table, Math.max(width(title(), TITLE), width(intro(), BODY))) + 2 * PAD;
        double h = PAD + 30 + (intro().isEmpty() ? 0 : 22) + 22 + ROW * (rows.size() + 1) + PAD;
        setPrefSize(w, h);
        resize(w, h);
        canvas.resizeTo(w, h);
    }

    private String[] cells(SheetRow r) {
        return new String[] {String.valueOf(r.step()), r.samples(), r.part(), r.label(), r.formula(),
            SheetText.answer(r, solution)};
    }

    private String title() {
        return sheet == null ? "No exercise open" : sheet.title() + (solution ? " (solution)" : "");
    }

    private String intro() {
        return sheet == null ? "" : sheet.spec().task();
    }

    private void draw() {
        GraphicsContext g = canvas.graphics();
        double w = canvas.logicalWidth();
        // a sheet is paper: white whatever the export's background
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, canvas.logicalHeight());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.gray(0.1));
        g.setFont(TITLE);
        double y = PAD + 12;
        g.fillText(title(), PAD, y);
        g.setFont(BODY);
        if (!intro().isEmpty()) {
            y += 26;
            g.fillText(intro(), PAD, y);
        }
        if (sheet == null) {
            return;
        }
        y += 24;
        g.setFill(Color.gray(0.35));
        g.fillText(sheet.questions() + " question" + (sheet.questions() == 1 ? "" : "s") + (solution
                ? ", answers in bold" : ", the empty boxes") + "; an answer within " + sheet.spec().toleranceText()
                + " is right", PAD, y);
        y += 18;
        row(g, y, SheetText.COLUMNS.toArray(String[]::new), null, true);
        List<SheetRow> rows = sheet.printed();
        for (int i = 0; i < rows.size(); i++) {
            double top = y + ROW * (i + 1);
            if (i % 2 == 1) {
                g.setFill(Color.gray(0.96));
                g.fillRect(PAD, top, w - 2 * PAD, ROW);
            }
            row(g, top, cells(rows.get(i)), rows.get(i), false);
        }
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(1);
        g.strokeRect(PAD, y, w - 2 * PAD, ROW * (rows.size() + 1));
    }

    private void row(GraphicsContext g, double top, String[] cells, SheetRow r, boolean header) {
        double x = PAD;
        if (header) {
            g.setFill(Color.web("#e4edf6"));
            g.fillRect(PAD, top, canvas.logicalWidth() - 2 * PAD, ROW);
        }
        for (int c = 0; c < cells.length; c++) {
            boolean answer = c == cells.length - 1;
            if (answer && r != null && r.hidden()) {
                g.setFill(solution ? Color.web("#dff3df") : Color.web("#fff8dc"));
                g.fillRect(x + 3, top + 3, widths[c] - 6, ROW - 6);
                g.setStroke(solution ? Color.web("#3b8c3b") : Color.web("#b59b3a"));
                g.setLineWidth(1);
                g.strokeRect(x + 3.5, top + 3.5, widths[c] - 7, ROW - 7);
            }
            g.setFill(header ? Color.gray(0.15) : Color.gray(0.1));
            g.setFont(header || answer && r != null && r.hidden() ? BOLD : BODY);
            boolean right = c <= 1 || answer;
            g.setTextAlign(right ? TextAlignment.RIGHT : TextAlignment.LEFT);
            g.fillText(cells[c], right ? x + widths[c] - CELL_PAD : x + CELL_PAD, top + ROW / 2);
            x += widths[c];
        }
    }

    private static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return Math.ceil(t.getLayoutBounds().getWidth());
    }

    @Override
    protected void layoutChildren() {
        // the canvas keeps the size measured from the sheet
    }

    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        canvas.setPixelScale(scale);
        draw();
        return new Picture(this, () -> {
            canvas.setPixelScale(1);
            draw();
        });
    }

    @Override
    public Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return solution ? "exercise-solution" : "exercise-sheet";
    }
}
