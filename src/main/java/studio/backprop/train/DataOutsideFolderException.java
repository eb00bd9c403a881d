package studio.backprop.train;

import java.nio.file.Path;

/**
 * A network file names data outside its own folder and the user has not agreed to reading it; the app can catch
 * this, ask, and resolve again with consent. The message says so in words.
 */
public class DataOutsideFolderException extends DataResolutionException {

    private static final long serialVersionUID = 1L;
    private final transient Path path;

    public DataOutsideFolderException(String message, Path path) {
        super(message);
        this.path = path;
    }

    /** The data path outside the folder. */
    public Path path() {
        return path;
    }
}
