package studio.backprop.ui.charts;

import java.util.Arrays;

/** The pictures the command line can export from a session. */
public enum ChartKind {
    LOSS("loss"), ACCURACY("accuracy"), LEARNING_RATE("learning-rate"), SUMMARY("summary");

    private final String id;

    ChartKind(String id) {
        this.id = id;
    }

    /** The name on the command line and the file-name stem: "learning-rate". */
    public String id() {
        return id;
    }

    /** The kind named {@code id}, or an IllegalArgumentException listing the names. */
    public static ChartKind parse(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("the view must be one of " + Arrays.stream(values()).map(ChartKind::id)
                        .toList() + ", got '" + id + "'"));
    }
}
