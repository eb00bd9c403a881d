package studio.backprop.cli;

/** The command was called wrongly, or its input is unusable; the message is printed as it is, exit code 2. */
class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
