package studio.backprop.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import studio.backprop.train.Series;

/** The legend never hides a curve and is never cut by the chart's edge, however small the chart and large the type. */
class ChartLegendTest {

    /** Values that swing over the whole y range in every part of the x axis: no corner of the plot is free. */
    private static Series.View everywhere(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (0.5 + 0.5 * Math.sin(i * 1.3));
        }
        return new Series.View(v, n);
    }

    private static Series.View falling(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) Math.exp(-3.0 * i / n);
        }
        return new Series.View(v, n);
    }

    private static ChartModel lossModel(Series.View steps, Series.View epochs) {
        return new ChartModel("Loss", "epoch", List.of(
                new ChartSeries(ChartsViewModel.STEP_LOSS, SeriesRole.STEP, steps, 0.01, 0.01),
                new ChartSeries(ChartsViewModel.TRAIN_LOSS, SeriesRole.TRAIN, epochs, 1, 1),
                new ChartSeries(ChartsViewModel.VALID_LOSS, SeriesRole.VALIDATION, epochs, 1, 1)),
                epochs.size(), false, false, "nothing yet");
    }

    private static ChartLayout drawn(ChartModel m, double w, double h, boolean presenter) throws Exception {
        return Pictures.fx(() -> {
            LineChartView chart = new LineChartView("loss");
            chart.setModel(m);
            chart.presenterModeProperty().set(presenter);
            Scene scene = new Scene(chart, w, h);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return chart.lastLayout();
        });
    }

    @Test
    void aLegendWithNoFreeCornerGoesAboveThePlotAndCoversNoCurve() throws Exception {
        ChartLayout layout = drawn(lossModel(everywhere(4_000), everywhere(40)), 400, 240, true);
        assertFalse(layout.legendInside(), "no corner is free: the legend leaves the plot");
        assertFalse(layout.legendCoversCurves());
        assertTrue(layout.legend().getMaxY() <= layout.plot().getMinY(), layout.legend() + " above " + layout.plot());
        assertInside(layout, 400, 240);
    }

    @Test
    void aLegendStaysInAFreeCornerWhenThereIsOne() throws Exception {
        ChartLayout layout = drawn(lossModel(falling(4_000), falling(40)), 600, 320, false);
        assertTrue(layout.legendInside(), "a falling loss leaves the top right corner free");
        assertFalse(layout.legendCoversCurves());
        assertInside(layout, 600, 320);
    }

    @Test
    void aNarrowPresenterChartKeepsItsTitleAndLegendWhole() throws Exception {
        ChartModel rate = new ChartModel("Learning rate η", "epoch", List.of(
                new ChartSeries(ChartsViewModel.RATE, SeriesRole.RATE, everywhere(300), 0.01, 0.01),
                new ChartSeries(ChartsViewModel.RATE_PLANNED, SeriesRole.RATE_FUTURE, everywhere(300), 3, 0.01)),
                6, false, false, "nothing yet");
        ChartLayout layout = drawn(rate, 215, 230, true);
        assertInside(layout, 215, 230);
        assertFalse(layout.legendCoversCurves());
    }

    @Test
    void namesAloneDropTheWordsTheTitleSays() {
        assertEquals("train", ChartLegend.shortName("train loss", "Loss"));
        assertEquals("per step", ChartLegend.shortName("loss per step", "Loss"));
        assertEquals("validation", ChartLegend.shortName("validation accuracy", "Accuracy"));
        assertEquals("planned", ChartLegend.shortName("η planned", "Learning rate η"));
        assertEquals("loss", ChartLegend.shortName("loss", "Loss"));
    }

    private static void assertInside(ChartLayout layout, double w, double h) {
        Rectangle2D chart = new Rectangle2D(0, 0, w, h);
        for (Rectangle2D part : List.of(layout.title(), layout.legend())) {
            assertTrue(part.getMinX() >= 0 && part.getMinY() >= 0 && part.getMaxX() <= w && part.getMaxY() <= h,
                    part + " inside " + chart);
        }
        assertFalse(layout.legend().intersects(layout.title()), "the legend beside the title, not over it");
    }
}
