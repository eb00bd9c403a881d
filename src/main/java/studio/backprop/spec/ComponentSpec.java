package studio.backprop.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named part of the document other than a layer (the loss, the optimiser, the training plan, the data): a type
 * and its settings as text, validated when the document is compiled.
 */
public record ComponentSpec(String type, Map<String, String> settings) {

    public ComponentSpec {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public static ComponentSpec of(String type) {
        return new ComponentSpec(type, Map.of());
    }

    public String get(String key) {
        return settings.get(key);
    }

    public String get(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    public ComponentSpec with(String key, String value) {
        Map<String, String> s = new LinkedHashMap<>(settings);
        if (value == null) {
            s.remove(key);
        } else {
            s.put(key, value);
        }
        return new ComponentSpec(type, s);
    }

    public ComponentSpec withType(String newType) {
        return new ComponentSpec(newType, settings);
    }
}
