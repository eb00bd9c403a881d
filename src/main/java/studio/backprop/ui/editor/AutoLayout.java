package studio.backprop.ui.editor;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Point2D;
import studio.backprop.nn.Network;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;

/**
 * Where the canvas draws each node. Layers with a stored position stay there; the others (a file written by hand,
 * a sample) are placed left to right by their distance from the input, one column per step, stacked within a
 * column. The network input is always at the same place at the left.
 */
public final class AutoLayout {

    /** Horizontal distance between columns of the automatic layout. */
    public static final double COLUMN = 270;
    /** Vertical distance between nodes stacked in one column. */
    public static final double ROW = 130;
    /** Where the input node sits. */
    public static final Point2D INPUT_AT = new Point2D(30, 40);

    private AutoLayout() {
    }

    /** The position of every node, the input first, then layers in document order. */
    public static Map<String, Point2D> positions(NetworkDocument document) {
        Map<String, Integer> depth = depths(document);
        Map<Integer, Integer> usedRows = new HashMap<>();
        Map<String, Point2D> out = new LinkedHashMap<>();
        out.put(Network.INPUT, INPUT_AT);
        for (LayerSpec l : document.layers()) {
            if (l.x() != 0 || l.y() != 0) {
                out.put(l.name(), new Point2D(l.x(), l.y()));
            } else {
                int column = depth.get(l.name());
                int row = usedRows.merge(column, 1, Integer::sum) - 1;
                out.put(l.name(), new Point2D(INPUT_AT.getX() + column * COLUMN, INPUT_AT.getY() + row * ROW));
            }
        }
        return out;
    }

    /** Longest distance from the input; layers in a loop or reading nothing get column 1. */
    private static Map<String, Integer> depths(NetworkDocument document) {
        Map<String, Integer> depth = new HashMap<>();
        document.layers().forEach(l -> depth.put(l.name(), 1));
        // Relaxation bounded by the number of layers, so a loop in the document cannot make it run forever.
        for (int pass = 0; pass < document.layers().size(); pass++) {
            boolean changed = false;
            for (LayerSpec l : document.layers()) {
                int d = 1;
                for (String in : l.inputs()) {
                    Integer before = depth.get(in);
                    d = Math.max(d, before == null ? 1 : before + 1);
                }
                d = Math.min(d, document.layers().size());
                if (d != depth.get(l.name())) {
                    depth.put(l.name(), d);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return depth;
    }
}
