package studio.backprop.io;

import java.io.IOException;

/** A session file cannot be opened: damaged, incomplete, of a newer version, or not a session at all. */
public class SessionFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public SessionFormatException(String message) {
        super(message);
    }

    public SessionFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
