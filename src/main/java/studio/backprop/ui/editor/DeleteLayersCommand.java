package studio.backprop.ui.editor;

import java.util.List;
import studio.backprop.spec.NetworkDocument;

/** Deletes layers; connections reading them and their explicit weights go with them. */
public record DeleteLayersCommand(List<String> names) implements EditCommand {

    public DeleteLayersCommand {
        names = List.copyOf(names);
    }

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        if (names.isEmpty()) {
            throw new EditRefusedException("nothing is selected to delete");
        }
        NetworkDocument result = document;
        for (String name : names) {
            if (result.layer(name) == null) {
                throw new EditRefusedException("there is no layer called '" + name + "' to delete");
            }
            result = result.withoutLayer(name);
        }
        return result;
    }

    @Override
    public String description() {
        return names.size() == 1 ? "Delete " + names.get(0) : "Delete " + names.size() + " layers";
    }
}
