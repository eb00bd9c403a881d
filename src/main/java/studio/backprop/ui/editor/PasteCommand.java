package studio.backprop.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;

/**
 * Adds copies of copied layers: each gets a fresh name (type_N), sits {@code offset} further right and down, and
 * keeps the connections among the copies; connections to layers outside the copy are dropped, so a paste never
 * changes what the existing layers compute.
 */
public record PasteCommand(List<LayerSpec> layers, double offset) implements EditCommand {

    public PasteCommand {
        layers = List.copyOf(layers);
    }

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        if (layers.isEmpty()) {
            throw new EditRefusedException("nothing has been copied yet");
        }
        NetworkDocument result = document;
        for (LayerSpec copy : copies(document)) {
            result = result.withLayer(copy);
        }
        return result;
    }

    /** The layers this paste adds to the document, with their new names and connections. */
    public List<LayerSpec> copies(NetworkDocument document) {
        Map<String, String> names = new HashMap<>();
        NetworkDocument scratch = document;
        for (LayerSpec l : layers) {
            String fresh = scratch.freshName(l.type().toLowerCase(Locale.ROOT));
            names.put(l.name(), fresh);
            scratch = scratch.withLayer(LayerSpec.of(fresh, l.type(), List.of()));
        }
        List<LayerSpec> out = new ArrayList<>();
        for (LayerSpec l : layers) {
            List<String> inputs = l.inputs().stream().filter(names::containsKey).map(names::get).toList();
            out.add(l.withName(names.get(l.name())).withInputs(inputs).at(l.x() + offset, l.y() + offset));
        }
        return out;
    }

    @Override
    public String description() {
        return layers.size() == 1 ? "Paste " + layers.get(0).type() : "Paste " + layers.size() + " layers";
    }
}
