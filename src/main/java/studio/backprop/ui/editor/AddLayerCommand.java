package studio.backprop.ui.editor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.backprop.spec.LayerCatalog;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;

/** Adds one layer (from the palette or a paste) to the end of the document. */
public record AddLayerCommand(LayerSpec layer) implements EditCommand {

    /** A new layer of this type named type_N (lower case), reading the given nodes, drawn at (x, y). */
    public static AddLayerCommand of(NetworkDocument document, String type, List<String> inputs, double x, double y) {
        String name = document.freshName(type.toLowerCase(Locale.ROOT));
        return new AddLayerCommand(new LayerSpec(name, type, Map.of(), inputs, x, y));
    }

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        if (LayerCatalog.type(layer.type()) == null) {
            throw new EditRefusedException("there is no layer type called '" + layer.type() + "'");
        }
        if (!Names.isFree(document, layer.name())) {
            throw new EditRefusedException("the name '" + layer.name() + "' is already taken");
        }
        for (String in : layer.inputs()) {
            if (Names.isFree(document, in)) {
                throw new EditRefusedException("'" + layer.name() + "' would read '" + in + "', which does not exist");
            }
        }
        return document.withLayer(layer);
    }

    @Override
    public String description() {
        return "Add " + layer.type();
    }
}
