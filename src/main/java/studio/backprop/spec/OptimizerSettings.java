package studio.backprop.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which [optimizer] settings each optimiser and each schedule actually reads, so that a setting written for
 * another one (momentum under adam, rho under sgd, staircase under a constant rate) is reported as a warning in
 * words instead of being ignored in silence. Kinds of optimiser it does not know are not judged.
 */
public final class OptimizerSettings {

    /** Read by every gradient-descent optimiser. */
    private static final Set<String> COMMON = Set.of("learning_rate", "l1", "l2", "weight_decay", "schedule",
            "decay_rate", "decay_steps", "staircase");

    /** The settings of each optimiser besides {@link #COMMON}, in the order the warning lists them. */
    private static final Map<String, List<String>> OWN = new LinkedHashMap<>();

    static {
        OWN.put("sgd", List.of("momentum", "nesterov"));
        OWN.put("momentum", List.of("momentum", "nesterov"));
        OWN.put("nesterov", List.of("momentum"));
        OWN.put("adagrad", List.of("initial_accumulator", "epsilon"));
        OWN.put("rmsprop", List.of("rho", "epsilon"));
        OWN.put("adadelta", List.of("rho", "epsilon"));
        OWN.put("adam", List.of("beta1", "beta2", "epsilon"));
    }

    /** The schedule settings each schedule reads. */
    private static final Map<String, Set<String>> SCHEDULE = Map.of(
            "constant", Set.of(),
            "step", Set.of("decay_rate", "decay_steps"),
            "exponential", Set.of("decay_rate", "decay_steps", "staircase"),
            "inverse_time", Set.of("decay_rate", "decay_steps", "staircase"));

    private OptimizerSettings() {
    }

    /** The optimisers a document can name besides the perceptron rule, in the order a menu offers them. */
    public static List<String> gradientOptimizers() {
        return Components.OPTIMIZERS.stream().filter(t -> !t.equals("perceptron")).toList();
    }

    /**
     * The settings an optimiser reads, its own first, then the learning rate, penalties and schedule; every setting
     * any optimiser reads for a kind this table does not know.
     */
    public static List<String> readBy(String type) {
        List<String> own = OWN.get(type.trim().toLowerCase(Locale.ROOT));
        List<String> out = new ArrayList<>(List.of("learning_rate"));
        if (own == null) {
            OWN.values().forEach(keys -> keys.stream().filter(k -> !out.contains(k)).forEach(out::add));
        } else {
            out.addAll(own);
        }
        out.addAll(List.of("l1", "l2", "weight_decay", "schedule", "decay_rate", "decay_steps", "staircase"));
        return out;
    }

    /** Adds a warning for every setting of {@code spec} that its optimiser or its schedule does not read. */
    static void warnAboutForeignSettings(ComponentSpec spec, List<Problem> problems) {
        String type = spec.type().trim().toLowerCase(Locale.ROOT);
        List<String> own = OWN.get(type);
        if (own == null) {
            return;
        }
        for (Map.Entry<String, String> e : spec.settings().entrySet()) {
            String key = e.getKey();
            if (!COMMON.contains(key) && !own.contains(key)) {
                List<String> owners = ownersOf(key);
                if (!owners.isEmpty()) {
                    problems.add(Problem.warning("optimizer", key + " = " + e.getValue().trim() + " is a setting of "
                            + String.join(", ", owners) + "; " + type + " does not use it (its own settings are "
                            + String.join(", ", own) + "). Remove it, or choose an optimizer that uses it"));
                }
            }
        }
        String schedule = spec.get("schedule", "constant").trim().toLowerCase(Locale.ROOT);
        Set<String> read = SCHEDULE.get(schedule);
        if (read == null) {
            return;
        }
        for (String key : List.of("decay_rate", "decay_steps", "staircase")) {
            if (spec.get(key) != null && !read.contains(key)) {
                problems.add(Problem.warning("optimizer", key + " = " + spec.get(key).trim() + " has no effect with "
                        + "schedule = " + schedule + (schedule.equals("step") ? " (step decay always falls in "
                        + "stairs)" : "") + ". Remove it, or choose a schedule that uses it"));
            }
        }
    }

    /** The optimisers that read {@code key}, in table order; empty for a key none of them knows. */
    private static List<String> ownersOf(String key) {
        List<String> out = new ArrayList<>();
        OWN.forEach((type, keys) -> {
            if (keys.contains(key)) {
                out.add(type);
            }
        });
        return out;
    }
}
