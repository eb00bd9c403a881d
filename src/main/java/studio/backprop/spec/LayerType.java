package studio.backprop.spec;

import java.util.List;
import java.util.function.Function;
import studio.backprop.nn.layers.Layer;

/**
 * A kind of layer the editor offers: its name in files and the palette, its palette group, a one-line help, the
 * settings it takes, how many inputs it reads, and how to build the runnable layer from checked settings.
 */
public record LayerType(String type, String group, String help, List<SettingSpec> settings, int minInputs,
                        int maxInputs, Function<LayerSettings, Layer> factory) {

    public LayerType {
        settings = List.copyOf(settings);
    }

    /** The spec of one of this type's settings. */
    public SettingSpec setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type + " has no setting '" + key + "'"));
    }
}
