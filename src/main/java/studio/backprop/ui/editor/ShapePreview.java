package studio.backprop.ui.editor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.backprop.nn.Network;
import studio.backprop.nn.ShapeReport;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.LayerCatalog;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;

/**
 * Shapes and parameter counts for as much of the network as can be built. The compiler builds all or nothing, so
 * a single unconnected layer would hide every shape on the canvas; this builds the layers that can be built (in
 * an order where inputs come first) and infers their shapes, so the labels stay while the user works.
 */
final class ShapePreview {

    private ShapePreview() {
    }

    /** Per node name, what shape inference learned; the compiler's report when it built the whole network. */
    static Map<String, ShapeReport.NodeShape> of(Compilation compilation) {
        ShapeReport report = compilation.shapes() != null ? compilation.shapes() : partial(compilation.document());
        Map<String, ShapeReport.NodeShape> out = new LinkedHashMap<>();
        if (report != null) {
            report.nodes().forEach(n -> out.put(n.name(), n));
        }
        return out;
    }

    private static ShapeReport partial(NetworkDocument document) {
        try {
            Network.Builder builder = Network.builder(document.inputShape());
            Set<String> built = new HashSet<>(Set.of(Network.INPUT));
            List<LayerSpec> pending = new ArrayList<>(document.layers());
            boolean progress = true;
            while (progress) {
                progress = false;
                for (LayerSpec l : List.copyOf(pending)) {
                    if (built.containsAll(l.inputs()) && LayerCatalog.problems(l).isEmpty()) {
                        builder.add(LayerCatalog.build(l), l.inputs().toArray(String[]::new));
                        built.add(l.name());
                        pending.remove(l);
                        progress = true;
                    }
                }
            }
            return built.size() > 1 ? builder.build().inferShapes() : null;
        } catch (RuntimeException e) {
            // A document the builder refuses (duplicate names, a bad input shape) simply has no preview.
            return null;
        }
    }
}
