package studio.backprop.ui.editor;

/** A command that cannot be applied to the current document; the message tells the user why, in words. */
public final class EditRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EditRefusedException(String message) {
        super(message);
    }
}
