package studio.backprop.ui.editor;

import java.util.List;
import studio.backprop.spec.NetworkDocument;

/**
 * Several commands that undo and redo as one step (an add that also connects, a paste). If any part is refused,
 * the whole command is refused and the document is unchanged.
 */
public record CompoundCommand(String description, List<EditCommand> parts) implements EditCommand {

    public CompoundCommand {
        parts = List.copyOf(parts);
    }

    public static CompoundCommand of(String description, EditCommand... parts) {
        return new CompoundCommand(description, List.of(parts));
    }

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        NetworkDocument result = document;
        for (EditCommand part : parts) {
            result = part.apply(result);
        }
        return result;
    }
}
