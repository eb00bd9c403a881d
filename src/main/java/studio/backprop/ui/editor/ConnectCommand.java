package studio.backprop.ui.editor;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.nn.Network;
import studio.backprop.spec.LayerCatalog;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.LayerType;
import studio.backprop.spec.NetworkDocument;

/**
 * Makes {@code target} read {@code source} (appends it to the target's inputs). Refused, with the reason, when the
 * connection would make a loop, exceed what the layer type accepts, repeat an existing one, or feed the input.
 */
public record ConnectCommand(String source, String target) implements EditCommand {

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        String why = refusal(document);
        if (why != null) {
            throw new EditRefusedException(why);
        }
        LayerSpec layer = document.layer(target);
        List<String> inputs = new ArrayList<>(layer.inputs());
        inputs.add(source);
        return document.withReplaced(target, layer.withInputs(inputs));
    }

    /** Why this connection cannot be made, or null when it can. */
    public String refusal(NetworkDocument document) {
        if (target.equals(Network.INPUT)) {
            return "nothing can flow into the network input; connect to a layer instead";
        }
        LayerSpec layer = document.layer(target);
        if (layer == null) {
            return "there is no layer called '" + target + "'";
        }
        if (!source.equals(Network.INPUT) && document.layer(source) == null) {
            return "there is no layer called '" + source + "'";
        }
        if (source.equals(target)) {
            return "a layer cannot read its own output";
        }
        if (layer.inputs().contains(source)) {
            return "'" + target + "' already reads '" + source + "'";
        }
        if (Graph.reads(document, source, target)) {
            return "connecting '" + source + "' to '" + target + "' would make a loop ('" + source
                    + "' already depends on '" + target + "'); a network must flow one way";
        }
        LayerType type = LayerCatalog.type(layer.type());
        if (type != null && layer.inputs().size() >= type.maxInputs()) {
            return type.type() + " '" + target + "' takes " + type.maxInputs() + " input"
                    + (type.maxInputs() == 1 ? "" : "s") + " and already reads " + String.join(", ", layer.inputs())
                    + "; disconnect it first, or join the branches with an Add layer";
        }
        return null;
    }

    /**
     * The wire a drop of this connection would take the place of: the one input of a layer that reads exactly
     * one, when {@code source} could feed it without a loop. Null when the drop is not such a replacement.
     */
    public String displaced(NetworkDocument document) {
        LayerSpec layer = document.layer(target);
        boolean sourceExists = source.equals(Network.INPUT) || document.layer(source) != null;
        if (layer == null || !sourceExists || source.equals(target) || layer.inputs().size() != 1
                || layer.inputs().contains(source)) {
            return null;
        }
        LayerType type = LayerCatalog.type(layer.type());
        if (type == null || type.maxInputs() != 1 || Graph.reads(document, source, target)) {
            return null;
        }
        return layer.inputs().get(0);
    }

    @Override
    public String description() {
        return "Connect " + source + " → " + target;
    }
}
