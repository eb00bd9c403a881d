package studio.backprop.ui.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;

/** Questions about the connections of a document that the editor asks before it changes them. */
final class Graph {

    private Graph() {
    }

    /** True when {@code node} depends on {@code ancestor}, directly or through other layers. */
    static boolean reads(NetworkDocument document, String node, String ancestor) {
        Deque<String> todo = new ArrayDeque<>(List.of(node));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String current = todo.pop();
            if (current.equals(ancestor)) {
                return true;
            }
            LayerSpec layer = document.layer(current);
            if (layer != null && seen.add(current)) {
                todo.addAll(layer.inputs());
            }
        }
        return false;
    }

    /** The layers no other layer reads, in document order. */
    static List<String> outputs(NetworkDocument document) {
        Set<String> read = new HashSet<>();
        document.layers().forEach(l -> read.addAll(l.inputs()));
        return document.layers().stream().map(LayerSpec::name).filter(n -> !read.contains(n)).toList();
    }
}
