package studio.backprop.ui.charts;

import javafx.scene.paint.Color;

/** The colours of a chart on a light or a dark background. */
public enum ChartPalette {
    LIGHT(Color.WHITE, Color.rgb(33, 33, 33), Color.rgb(120, 120, 120), Color.rgb(226, 226, 226),
            Color.rgb(31, 119, 180), Color.rgb(230, 97, 0), Color.rgb(27, 148, 80)),
    DARK(Color.rgb(30, 30, 34), Color.rgb(230, 230, 230), Color.rgb(160, 160, 160), Color.rgb(62, 62, 68),
            Color.rgb(100, 181, 246), Color.rgb(255, 167, 38), Color.rgb(102, 212, 140));

    private final Color background;
    private final Color text;
    private final Color axis;
    private final Color grid;
    private final Color train;
    private final Color validation;
    private final Color rate;

    ChartPalette(Color background, Color text, Color axis, Color grid, Color train, Color validation, Color rate) {
        this.background = background;
        this.text = text;
        this.axis = axis;
        this.grid = grid;
        this.train = train;
        this.validation = validation;
        this.rate = rate;
    }

    public Color background() {
        return background;
    }

    public Color text() {
        return text;
    }

    public Color axis() {
        return axis;
    }

    public Color grid() {
        return grid;
    }

    /**
     * The colour of kept run number {@code ink} (0, 1, 2, …, repeating after eight), chosen to stand apart from the
     * current run's blue and orange; lighter on the dark background.
     */
    public Color run(int ink) {
        Color c = RUNS[Math.floorMod(ink, RUNS.length)];
        return this == DARK ? c.interpolate(Color.WHITE, 0.3) : c;
    }

    private static final Color[] RUNS = {Color.rgb(44, 160, 44), Color.rgb(214, 39, 40), Color.rgb(148, 103, 189),
            Color.rgb(140, 86, 75), Color.rgb(227, 119, 194), Color.rgb(23, 190, 207), Color.rgb(188, 189, 34),
            Color.rgb(90, 90, 90)};

    /** The line colour of a series: a kept run's own colour, otherwise its role's. */
    public Color color(ChartSeries s) {
        return s.overlaid() ? run(s.ink()) : color(s.role());
    }

    /** The line colour of a series role (per-step loss is the training colour, made faint when drawn). */
    public Color color(SeriesRole role) {
        return switch (role) {
            case STEP, TRAIN -> train;
            case VALIDATION -> validation;
            case RATE, RATE_FUTURE -> rate;
        };
    }
}
