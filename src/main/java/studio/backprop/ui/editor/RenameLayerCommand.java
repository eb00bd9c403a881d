package studio.backprop.ui.editor;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.spec.WeightsSpec;

/**
 * Renames a layer and every reference to it: other layers' inputs, the explicit weights given for it and the file's
 * comments about it.
 */
public record RenameLayerCommand(String from, String to) implements EditCommand {

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        if (document.layer(from) == null) {
            throw new EditRefusedException("there is no layer called '" + from + "'");
        }
        String why = Names.problem(document, to);
        if (why != null) {
            throw new EditRefusedException(why);
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec l : document.layers()) {
            LayerSpec named = l.name().equals(from) ? l.withName(to) : l;
            layers.add(named.withInputs(named.inputs().stream().map(this::renamed).toList()));
        }
        List<WeightsSpec> weights = document.weights().stream()
                .map(w -> new WeightsSpec(renamed(w.layer()), w.role(), w.shape(), w.values())).toList();
        return document.withLayers(layers).withWeights(weights)
                .withComments(document.comments().withLayerRenamed(from, to));
    }

    private String renamed(String name) {
        return name.equals(from) ? to : name;
    }

    @Override
    public String description() {
        return "Rename " + from + " to " + to;
    }
}
