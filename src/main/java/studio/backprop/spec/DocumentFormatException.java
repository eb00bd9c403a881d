package studio.backprop.spec;

/**
 * A network file could not be read. The message names the file, the line and what is wrong, in words meant for
 * the person who wrote the file.
 */
public class DocumentFormatException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int line;

    public DocumentFormatException(String source, int line, String problem) {
        super(studio.backprop.tensor.Excerpt.of(source, 200) + (line > 0 ? ", line " + line : "") + ": "
                + studio.backprop.tensor.Excerpt.message(problem, 400, 20));
        this.line = line;
    }

    /** 1-based line of the problem, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
