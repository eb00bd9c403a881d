package studio.backprop.spec;

import java.util.List;
import java.util.Locale;

/**
 * Checks what a {@code SparsityPenalty} reads. Its penalty β·Σⱼ KL(ρ ‖ ρ̂ⱼ) treats each code unit's mean activation
 * ρ̂ⱼ as the probability that the unit fires, so it is defined only for activations strictly between 0 and 1: the
 * course derives it for a sigmoid code. A ReLU or linear code gives ρ̂ⱼ ≤ 0 or ≥ 1, where log ρ̂ⱼ or log(1 − ρ̂ⱼ)
 * does not exist; rather than train on a clamped, silently wrong penalty, the file is refused at compile time.
 */
final class SparsityInputCheck {

    /** Activations whose every value lies in (0, 1). */
    private static final List<String> IN_UNIT_INTERVAL = List.of("sigmoid", "softmax");

    private SparsityInputCheck() {
    }

    static void check(NetworkDocument doc, List<Problem> problems) {
        for (LayerSpec penalty : doc.layers()) {
            if (!penalty.type().equals("SparsityPenalty") || penalty.inputs().size() != 1) {
                continue;
            }
            String read = penalty.inputs().get(0);
            LayerSpec code = doc.layers().stream().filter(l -> l.name().equals(read)).findFirst().orElse(null);
            String activation = code == null ? "none (it is the network's input)" : activation(code);
            if (IN_UNIT_INTERVAL.contains(activation)) {
                continue;
            }
            String fix = code != null && code.type().equals("Activation") ? "set function = sigmoid on '" + read + "'"
                    : code != null && (code.type().equals("Dense") || code.type().startsWith("Conv"))
                    ? "set activation = sigmoid on '" + read + "'"
                    : "put it after a layer with activation = sigmoid (the code layer)";
            problems.add(Problem.error(penalty.name(), "SparsityPenalty '" + penalty.name() + "' reads '" + read
                    + "', whose activation is " + activation + "; the KL sparsity penalty compares each unit's mean "
                    + "activation with ρ as a probability, so it needs a code whose values lie between 0 and 1 (a "
                    + "sigmoid code, as the course derives it): " + fix));
        }
    }

    /** The layer's activation: its own setting, else its type's default, else "none". */
    private static String activation(LayerSpec layer) {
        String key = layer.type().equals("Activation") ? "function" : "activation";
        String a = layer.setting(key);
        if (a == null || a.isBlank()) {
            LayerType type = LayerCatalog.type(layer.type());
            SettingSpec spec = type == null ? null : type.settings().stream().filter(t -> t.key().equals(key))
                    .findFirst().orElse(null);
            a = spec == null ? "none (a " + layer.type() + " layer)" : spec.defaultValue();
        }
        return a.trim().toLowerCase(Locale.ROOT);
    }
}
