package studio.backprop.ui.runs;

import java.util.Locale;
import studio.backprop.spec.NetworkDocument;

/**
 * The settings a kept run trained with, as its name and the CSV export show them.
 *
 * @param source       the file's name without its extension, or the network's name when it has no file
 * @param optimizer    the optimiser's type as the file writes it ("adam"), or the types a run switched through in
 *                     order ("sgd→nesterov")
 * @param learningRate η as the file sets it (the schedule's η₀), or the one in use when the file sets none
 * @param batchSize    samples per step, 0 for the whole training set
 */
public record RunSettings(String source, String optimizer, double learningRate, int batchSize, long seed) {

    /** The settings of {@code doc} (the session's document, live edits included) trained at {@code batchSize}. */
    public static RunSettings of(String source, NetworkDocument doc, double etaInUse, int batchSize) {
        double eta = etaInUse;
        try {
            eta = Double.parseDouble(doc.optimizer().get("learning_rate", Double.toString(etaInUse)).trim());
        } catch (NumberFormatException e) {
            // a file's text that compiled before is a number; if not, the η in use is the honest value
        }
        long seed = 1;
        try {
            seed = Long.parseLong(doc.training().get("seed", "1").trim());
        } catch (NumberFormatException e) {
            // as above: the default seed
        }
        return new RunSettings(source, optimizerType(doc), eta, batchSize, seed);
    }

    /** The document's optimiser type as a run's name shows it ("adam"). */
    static String optimizerType(NetworkDocument doc) {
        return doc.optimizer().type().trim().toLowerCase(Locale.ROOT);
    }

    /** The name a run gets unless the user renames it, e.g. "xor · adam η=0.01". */
    public String defaultName() {
        return source + " · " + optimizer + " η=" + number(learningRate);
    }

    /** A number in its shortest plain form: 0.01, 1, 1e-05. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.contains("E") ? String.format(Locale.ROOT, "%.3g", v) : s;
    }
}
