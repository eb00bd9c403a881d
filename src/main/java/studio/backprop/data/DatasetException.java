package studio.backprop.data;

/**
 * Bad or missing data, explained for a person: the message names the file, the line or record, and what is
 * wrong ("iris.csv: line 7 has 3 fields, the header has 4"). Checked, because a file chosen by a user can
 * always be wrong and the caller must say so on screen.
 */
public class DatasetException extends Exception {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
