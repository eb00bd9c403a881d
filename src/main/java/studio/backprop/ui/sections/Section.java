package studio.backprop.ui.sections;

import java.util.function.BiFunction;
import java.util.function.Function;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.NetworkDocument;

/** The four parts of a document besides its layers, each edited as a type and its settings. */
public enum Section {
    LOSS("loss", "Loss", NetworkDocument::loss, NetworkDocument::withLoss),
    OPTIMIZER("optimizer", "Optimizer", NetworkDocument::optimizer, NetworkDocument::withOptimizer),
    TRAINING("training", "Training plan", NetworkDocument::training, NetworkDocument::withTraining),
    DATA("data", "Data", NetworkDocument::data, NetworkDocument::withData);

    private final String subject;
    private final String title;
    private final Function<NetworkDocument, ComponentSpec> read;
    private final BiFunction<NetworkDocument, ComponentSpec, NetworkDocument> write;

    Section(String subject, String title, Function<NetworkDocument, ComponentSpec> read,
            BiFunction<NetworkDocument, ComponentSpec, NetworkDocument> write) {
        this.subject = subject;
        this.title = title;
        this.read = read;
        this.write = write;
    }

    /** The subject the compiler files this section's problems under ("loss", "optimizer", "training", "data"). */
    public String subject() {
        return subject;
    }

    /** The heading shown above the section. */
    public String title() {
        return title;
    }

    /** This section of {@code doc}. */
    public ComponentSpec of(NetworkDocument doc) {
        return read.apply(doc);
    }

    /** {@code doc} with this section replaced. */
    public NetworkDocument with(NetworkDocument doc, ComponentSpec spec) {
        return write.apply(doc, spec);
    }
}
