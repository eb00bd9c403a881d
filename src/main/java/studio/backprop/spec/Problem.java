package studio.backprop.spec;

/**
 * Something wrong (or worth a word) in a document, attached to what it concerns: a layer's name, or one of
 * "loss", "optimizer", "training", "data", "network".
 *
 * @param subject the layer or part the problem belongs to
 * @param message the problem in words, with the fix where one is known
 * @param error   true for problems that stop training, false for warnings
 */
public record Problem(String subject, String message, boolean error) {

    static Problem error(String subject, String message) {
        return new Problem(subject, message, true);
    }

    static Problem warning(String subject, String message) {
        return new Problem(subject, message, false);
    }
}
