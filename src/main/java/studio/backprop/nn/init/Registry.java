package studio.backprop.nn.init;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Names to initialisers, for files and the UI. */
final class Registry {

    static final List<String> NAMES = List.of("zeros", "constant", "uniform", "normal", "glorot_uniform",
            "glorot_normal", "he_uniform", "he_normal", "lecun_normal");

    private Registry() {
    }

    static Initializer create(String name, Map<String, Double> parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("initialiser parameters cannot be null; pass an empty map for none");
        }
        if (name == null) {
            throw new IllegalArgumentException("an initialiser name is needed; the valid names are "
                    + String.join(", ", NAMES));
        }
        switch (name) {
            case "zeros":
                accept(name, parameters);
                return Zeros.INSTANCE;
            case "constant":
                accept(name, parameters, "value");
                return new Constant(parameters.getOrDefault("value", 0.0));
            case "uniform":
                accept(name, parameters, "low", "high");
                return new Uniform(parameters.getOrDefault("low", -0.05), parameters.getOrDefault("high", 0.05));
            case "normal":
                accept(name, parameters, "std");
                return new Normal(parameters.getOrDefault("std", 0.05));
            default:
                for (FanScaled f : FanScaled.ALL) {
                    if (f.name().equals(name)) {
                        accept(name, parameters);
                        return f;
                    }
                }
                throw new IllegalArgumentException("unknown initialiser '" + name + "'; the valid names are "
                        + String.join(", ", NAMES));
        }
    }

    private static void accept(String name, Map<String, Double> parameters, String... allowed) {
        Set<String> unknown = new HashSet<>(parameters.keySet());
        unknown.removeAll(List.of(allowed));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the initialiser '" + name + "' has no setting " + unknown
                    + (allowed.length == 0 ? "; it takes none" : "; it takes " + String.join(", ", allowed)));
        }
    }
}
