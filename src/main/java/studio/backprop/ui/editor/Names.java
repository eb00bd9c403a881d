package studio.backprop.ui.editor;

import java.util.regex.Pattern;
import studio.backprop.nn.Network;
import studio.backprop.spec.NetworkDocument;

/** The rules for layer names, kept in one place so renames and pastes agree. */
final class Names {

    /** Letters, digits, '_', '-' and '.': names appear in section headers of the file and in messages. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_.\\-]+");

    private Names() {
    }

    /** True when no layer, nor the network input, uses the name. */
    static boolean isFree(NetworkDocument document, String name) {
        return !name.equals(Network.INPUT) && document.layer(name) == null;
    }

    /** Why the name cannot be given to a layer, or null when it can. */
    static String problem(NetworkDocument document, String name) {
        if (name.isBlank()) {
            return "a layer needs a name";
        }
        if (!ALLOWED.matcher(name).matches()) {
            return "'" + name + "' may only contain letters, digits, '_', '-' and '.'";
        }
        if (name.equals(Network.INPUT)) {
            return "'input' is the name of the network input";
        }
        if (document.layer(name) != null) {
            return "another layer is already called '" + name + "'";
        }
        return null;
    }
}
