package studio.backprop.ui.headless;

import java.util.Arrays;

/** The pictures the command line can export from a session, each named as the app's export menu names it. */
public enum SessionView {
    /** The training and validation loss per epoch. */
    LOSS("loss"),
    /** The training and validation accuracy per epoch. */
    ACCURACY("accuracy"),
    /** The learning rate over the steps. */
    LEARNING_RATE("learning-rate"),
    /** The model summary table. */
    SUMMARY("summary"),
    /** The network as the editor draws it: boxes, connections with their shapes. */
    NETWORK("network"),
    /** The Playground's network: a heatmap per neuron, the weights as lines (two-input Dense networks). */
    NEURONS("neurons"),
    /** One neuron's heatmap (with {@code --neuron LAYER:UNIT}). */
    NEURON("neuron"),
    /** The output over the plane with the data points (two-input networks). */
    DECISION_BOUNDARY("decision-boundary"),
    /** The neurons and the decision boundary side by side. */
    PLAYGROUND("playground"),
    /** The CNN page's feature maps of a training sample ({@code --sample N}, optionally {@code --layer NAME}). */
    FEATURE_MAPS("feature-maps"),
    /** The CNN page's kernels and weight matrix. */
    KERNELS("kernels"),
    /** The CNN page's evaluation: confusion matrix, per-class metrics, ROC and PR curves. */
    CONFUSION("confusion");

    private final String id;

    SessionView(String id) {
        this.id = id;
    }

    /** The name on the command line and the file-name stem: "learning-rate". */
    public String id() {
        return id;
    }

    /** Whether the picture is a chart (drawn at a size given with --size). */
    public boolean chart() {
        return this == LOSS || this == ACCURACY || this == LEARNING_RATE;
    }

    /** The names, joined with '|', for usage lines. */
    public static String names() {
        return String.join("|", Arrays.stream(values()).map(SessionView::id).toList());
    }

    /** The view named {@code id}, or an IllegalArgumentException listing the names. */
    public static SessionView parse(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("the view must be one of " + Arrays.stream(values())
                        .map(SessionView::id).toList() + ", got '" + id + "'"));
    }
}
