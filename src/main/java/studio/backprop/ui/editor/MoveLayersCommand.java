package studio.backprop.ui.editor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Point2D;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;

/**
 * Moves layers by (dx, dy) from where they were drawn. The start positions are part of the command because a layer
 * without a stored position is drawn where the automatic layout put it; moving it stores its position from then on.
 */
public record MoveLayersCommand(Map<String, Point2D> from, double dx, double dy) implements EditCommand {

    public MoveLayersCommand {
        from = Collections.unmodifiableMap(new LinkedHashMap<>(from));
    }

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        NetworkDocument result = document;
        for (Map.Entry<String, Point2D> e : from.entrySet()) {
            LayerSpec layer = result.layer(e.getKey());
            if (layer == null) {
                throw new EditRefusedException("there is no layer called '" + e.getKey() + "' to move");
            }
            // Never exactly (0, 0): the file format reads that as "no position" and would lay it out again.
            double x = Math.max(1, Math.round(e.getValue().getX() + dx));
            double y = Math.max(1, Math.round(e.getValue().getY() + dy));
            result = result.withReplaced(layer.name(), layer.at(x, y));
        }
        return result;
    }

    @Override
    public String description() {
        return from.size() == 1 ? "Move " + from.keySet().iterator().next() : "Move " + from.size() + " layers";
    }
}
