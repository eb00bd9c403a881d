package studio.backprop.ui.charts;

import java.util.List;

/**
 * What one chart shows, without any node: title, axis names, its series and the x range.
 *
 * @param xMax        the x axis runs from 0 to at least this (the planned epochs, or as far as training got)
 * @param percent     label the y axis in percent (for accuracies in [0, 1])
 * @param unitRange   fix a linear y axis to [0, 1] instead of fitting the data
 * @param placeholder what to say while no series has a point to draw
 */
public record ChartModel(String title, String xLabel, List<ChartSeries> series, double xMax, boolean percent,
                         boolean unitRange, String placeholder) {

    public ChartModel {
        series = List.copyOf(series);
    }

    /** The series named {@code name}, or null. */
    public ChartSeries series(String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** True when no series has a point. */
    public boolean empty() {
        return series.stream().allMatch(s -> s.values().size() == 0);
    }
}
