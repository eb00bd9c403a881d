package studio.backprop.ui.editor;

import studio.backprop.spec.LayerCatalog;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.LayerType;
import studio.backprop.spec.NetworkDocument;

/**
 * Sets one setting of a layer to the text the user typed; blank text (or null) returns it to its default.
 *
 * <p>Text the layer cannot use is stored anyway: the document may be invalid while the user works on it, the
 * problem is shown on the layer until it is fixed, and the edit is undoable like any other. Only a setting the
 * type does not have is refused, because no editor offers it.
 */
public record ChangeSettingCommand(String layer, String key, String value) implements EditCommand {

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        LayerSpec spec = document.layer(layer);
        if (spec == null) {
            throw new EditRefusedException("there is no layer called '" + layer + "'");
        }
        LayerType type = LayerCatalog.type(spec.type());
        if (type == null || type.settings().stream().noneMatch(s -> s.key().equals(key))) {
            throw new EditRefusedException(spec.type() + " has no setting '" + key + "'");
        }
        String text = value == null || value.isBlank() ? null : value.trim();
        return document.withReplaced(layer, spec.withSetting(key, text));
    }

    @Override
    public String description() {
        return "Set " + layer + "." + key + (value == null || value.isBlank() ? " to its default" : " = " + value.trim());
    }
}
