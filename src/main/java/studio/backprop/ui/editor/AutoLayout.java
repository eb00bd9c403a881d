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
 * column; a deep network wraps into bands, like lines of text. The network input is always at the same place at
 * the top left.
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

    /** Height of a band of a wrapped layout with one box to a column: a box and the gap where the wire back runs. */
    public static final double BAND = 146;
    /** Column distance in a wrapped layout: a box and room for the shape label on the wire between two boxes. */
    public static final double WRAPPED_COLUMN = 252;
    /** The view a wrapped layout is shaped for (about the editor's canvas in a 1280×800 window), in sheet units. */
    static final double VIEW_WIDTH = 800;
    static final double VIEW_HEIGHT = 440;
    /** Chains up to this many columns stay on one row. */
    static final int WRAP_AFTER = 8;

    /**
     * The position of every node, the input first, then layers in document order. A deep network (more than
     * {@link #WRAP_AFTER} columns) is wrapped into bands read left to right, top to bottom, as many columns to a
     * band as make the whole fit {@link #VIEW_WIDTH}×{@link #VIEW_HEIGHT} at the largest zoom.
     */
    public static Map<String, Point2D> positions(NetworkDocument document) {
        Map<String, Integer> depth = depths(document);
        Map<Integer, Integer> stacked = new HashMap<>();
        for (LayerSpec l : document.layers()) {
            if (l.x() == 0 && l.y() == 0) {
                stacked.merge(depth.get(l.name()), 1, Integer::sum);
            }
        }
        int columns = stacked.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        int tallest = stacked.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        double band = (tallest - 1) * ROW + BAND;
        boolean wrapped = columns > WRAP_AFTER;
        int perBand = wrapped ? perBand(columns, band) : columns;
        double column = wrapped ? WRAPPED_COLUMN : COLUMN;
        Map<Integer, Integer> usedRows = new HashMap<>();
        Map<String, Point2D> out = new LinkedHashMap<>();
        out.put(Network.INPUT, INPUT_AT);
        for (LayerSpec l : document.layers()) {
            if (l.x() != 0 || l.y() != 0) {
                out.put(l.name(), new Point2D(l.x(), l.y()));
            } else {
                int at = depth.get(l.name());
                int row = usedRows.merge(at, 1, Integer::sum) - 1;
                out.put(l.name(), new Point2D(INPUT_AT.getX() + (at % perBand) * column,
                        INPUT_AT.getY() + (at / perBand) * band + row * ROW));
            }
        }
        return out;
    }

    /** The columns per band that let {@code columns} columns in bands of height {@code band} fit the view largest. */
    static int perBand(int columns, double band) {
        int best = columns;
        double bestZoom = 0;
        for (int per = 3; per <= columns; per++) {
            int bands = (columns + per - 1) / per;
            double zoom = Math.min(VIEW_WIDTH / (per * WRAPPED_COLUMN), VIEW_HEIGHT / (bands * band));
            if (zoom > bestZoom + 1e-9) {
                bestZoom = zoom;
                best = per;
            }
        }
        return best;
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
