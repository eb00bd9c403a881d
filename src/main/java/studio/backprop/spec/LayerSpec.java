package studio.backprop.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer as the user described it: a unique name, a type from the {@link LayerCatalog}, its settings as text
 * (exactly as typed, validated by the catalog), the names of the nodes it reads, and where the editor draws it.
 */
public record LayerSpec(String name, String type, Map<String, String> settings, List<String> inputs,
                        double x, double y) {

    public LayerSpec {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        inputs = List.copyOf(inputs);
    }

    /** A layer with no settings yet, reading the given nodes, at the origin. */
    public static LayerSpec of(String name, String type, List<String> inputs) {
        return new LayerSpec(name, type, Map.of(), inputs, 0, 0);
    }

    /** The setting's text, or null when it takes its default. */
    public String setting(String key) {
        return settings.get(key);
    }

    public LayerSpec withSetting(String key, String value) {
        Map<String, String> s = new LinkedHashMap<>(settings);
        if (value == null) {
            s.remove(key);
        } else {
            s.put(key, value);
        }
        return new LayerSpec(name, type, s, inputs, x, y);
    }

    public LayerSpec withInputs(List<String> newInputs) {
        return new LayerSpec(name, type, settings, newInputs, x, y);
    }

    public LayerSpec withName(String newName) {
        return new LayerSpec(newName, type, settings, inputs, x, y);
    }

    public LayerSpec at(double newX, double newY) {
        return new LayerSpec(name, type, settings, inputs, newX, newY);
    }
}
