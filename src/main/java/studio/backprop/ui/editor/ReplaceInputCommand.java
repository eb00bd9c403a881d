package studio.backprop.ui.editor;

import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;

/** Makes {@code target} read {@code to} where it read {@code from}, keeping the order of its inputs. */
public record ReplaceInputCommand(String target, String from, String to) implements EditCommand {

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        LayerSpec layer = document.layer(target);
        if (layer == null || !layer.inputs().contains(from)) {
            throw new EditRefusedException("'" + target + "' does not read '" + from + "'");
        }
        if (Graph.reads(document, to, target)) {
            throw new EditRefusedException("'" + target + "' reading '" + to + "' would make a loop");
        }
        return document.withReplaced(target, layer.withInputs(
                layer.inputs().stream().map(i -> i.equals(from) ? to : i).toList()));
    }

    @Override
    public String description() {
        return "Reconnect " + target + " to " + to;
    }
}
