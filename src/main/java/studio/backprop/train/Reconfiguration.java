package studio.backprop.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;

/**
 * What an edit of the document means for a running training session: nothing (a box moved, the name or the
 * description changed), a change the trainer takes between two steps (the optimiser and its settings, the batch
 * size, the epochs, the patience, dropout rates), or a change of the computation that needs a fresh start from
 * step 0 (layers, connections, weights, loss, data, seed, sample order, validation split).
 *
 * @param kind    which of the three
 * @param reasons for a restart, what changed, in words ("the layer 'h1'", "the loss")
 */
public record Reconfiguration(Kind kind, List<String> reasons) {

    /** How much of the session an edit touches. */
    public enum Kind { NONE, LIVE, RESTART }

    /** Training settings the trainer can take between steps; any other [training] change restarts. */
    private static final List<String> LIVE_TRAINING = List.of("batch_size", "epochs", "patience", "steps");

    public Reconfiguration {
        reasons = List.copyOf(reasons);
    }

    /** Compares the document a session runs with an edited one. */
    public static Reconfiguration between(NetworkDocument running, NetworkDocument edited) {
        List<String> restart = new ArrayList<>();
        boolean live = false;
        if (!java.util.Arrays.equals(running.inputShape(), edited.inputShape())) {
            restart.add("the input shape");
        }
        if (running.layers().size() != edited.layers().size()) {
            restart.add("the layers");
        } else {
            for (int i = 0; i < running.layers().size(); i++) {
                LayerSpec a = running.layers().get(i);
                LayerSpec b = edited.layers().get(i);
                if (!a.name().equals(b.name()) || !a.type().equals(b.type()) || !a.inputs().equals(b.inputs())) {
                    restart.add("the layer '" + b.name() + "'");
                } else if (!a.settings().equals(b.settings())) {
                    if (a.type().equals("Dropout") && withoutRate(a).equals(withoutRate(b))) {
                        live = true;
                    } else {
                        restart.add("the settings of '" + b.name() + "'");
                    }
                }
            }
        }
        if (!running.weights().equals(edited.weights())) {
            restart.add("the given weights");
        }
        if (!running.loss().equals(edited.loss())) {
            restart.add("the loss");
        }
        if (!running.data().equals(edited.data())) {
            restart.add("the data");
        }
        if (!running.optimizer().equals(edited.optimizer())) {
            boolean perceptron = running.optimizer().type().equalsIgnoreCase("perceptron");
            if (perceptron != edited.optimizer().type().equalsIgnoreCase("perceptron")) {
                restart.add("the learning rule");
            } else {
                live = true;
            }
        }
        if (!running.training().equals(edited.training())) {
            if (withoutLive(running.training()).equals(withoutLive(edited.training()))) {
                live = true;
            } else {
                restart.add("the training plan (seed, order, splits or augmentation)");
            }
        }
        Kind kind = !restart.isEmpty() ? Kind.RESTART : live ? Kind.LIVE : Kind.NONE;
        return new Reconfiguration(kind, restart);
    }

    /**
     * Compiles an edited document whose changes a running session can take between two steps.
     *
     * @throws IllegalArgumentException in words when the edit needs a restart, or its training or optimiser section
     *                                  has an error
     */
    static Compilation compileLive(NetworkDocument running, NetworkDocument edited) {
        Reconfiguration change = between(running, edited);
        if (change.kind() == Kind.RESTART) {
            throw new IllegalArgumentException(change.why());
        }
        Compilation next = DocumentCompiler.compile(edited);
        if (next.plan() == null || next.errors().stream().anyMatch(p -> p.subject().equals("training")
                || p.subject().equals("optimizer"))) {
            throw new IllegalArgumentException(next.whyNotTrainable());
        }
        return next;
    }

    /** The rates of the Dropout layers whose settings the edit changed, in layer order (0.5 when left out). */
    static List<Double> changedDropoutRates(NetworkDocument running, NetworkDocument edited) {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < edited.layers().size(); i++) {
            LayerSpec layer = edited.layers().get(i);
            if (layer.type().equals("Dropout") && !layer.settings().equals(running.layers().get(i).settings())) {
                rates.add(Double.parseDouble(layer.settings().getOrDefault("rate", "0.5").trim()));
            }
        }
        return rates;
    }

    private static Map<String, String> withoutRate(LayerSpec layer) {
        Map<String, String> s = new java.util.HashMap<>(layer.settings());
        s.remove("rate");
        return s;
    }

    private static Map<String, String> withoutLive(ComponentSpec training) {
        Map<String, String> s = new java.util.HashMap<>(training.settings());
        LIVE_TRAINING.forEach(s::remove);
        return s;
    }

    /** Why the session starts again, in one sentence. */
    public String why() {
        return kind != Kind.RESTART ? "" : "Training starts again from step 0 because " + String.join(", ", reasons)
                + " changed.";
    }
}
