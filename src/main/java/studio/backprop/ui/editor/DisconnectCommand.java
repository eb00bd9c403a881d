package studio.backprop.ui.editor;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;

/** Removes one connection: {@code target} no longer reads {@code source}. */
public record DisconnectCommand(String source, String target) implements EditCommand {

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        LayerSpec layer = document.layer(target);
        if (layer == null || !layer.inputs().contains(source)) {
            throw new EditRefusedException("'" + target + "' does not read '" + source + "'");
        }
        List<String> inputs = new ArrayList<>(layer.inputs());
        inputs.remove(source);
        return document.withReplaced(target, layer.withInputs(inputs));
    }

    @Override
    public String description() {
        return "Disconnect " + source + " → " + target;
    }
}
