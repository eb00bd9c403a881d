package studio.backprop.ui.charts;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.PngExporter;

/**
 * Saves a chart (or another view of this package) as a PNG through {@link PngExporter}: the view is drawn in the
 * palette that suits the background, without the mouse read-out, with its canvas at the export scale so lines and
 * text stay sharp at 2× and 4×; afterwards it is shown as before.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class ChartExport {

    private ChartExport() {
    }

    /** Writes {@code chart} to {@code file} at {@code scale} over {@code background}. */
    public static void write(LineChartView chart, Path file, double scale, ExportBackground background)
            throws IOException {
        Background fill = chart.getBackground();
        try {
            chart.setExportPalette(background.palette(chart.getPalette()));
            chart.setBackground(null);
            chart.clearHover();
            chart.setPixelScale(scale);
            PngExporter.write((Exportable) chart, file, scale, background.color());
        } finally {
            chart.setExportPalette(null);
            chart.setBackground(fill);
            chart.setPixelScale(1);
        }
    }

    /** Writes a view that is not a chart (the summary table), its own background removed for the picture. */
    public static void write(Region view, Path file, double scale, ExportBackground background) throws IOException {
        Background fill = view.getBackground();
        try {
            view.setBackground(null);
            PngExporter.write(view, file, scale, background.color());
        } finally {
            view.setBackground(fill);
        }
    }
}
