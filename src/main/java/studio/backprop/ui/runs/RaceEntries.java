package studio.backprop.ui.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.spec.OptimizerSettings;
import studio.backprop.spec.Problem;
import studio.backprop.train.OptimizerRace;

/**
 * The race's settings as typed: per optimiser whether it races, its η and its own settings written
 * "momentum = 0.9, …"; turned into {@link OptimizerRace.Entrant}s and checked against the document by the
 * compiler, so a bad value is refused in the engine's words before anything trains.
 */
final class RaceEntries {

    /** One optimiser's row as typed. */
    record Row(boolean racing, OptimizerRace.Entrant defaults, String eta, String settings) {
    }

    private RaceEntries() {
    }

    /** The text of an entrant's own settings (everything but η), e.g. "beta1 = 0.9, beta2 = 0.999". */
    static String settingsText(OptimizerRace.Entrant e) {
        List<String> parts = new ArrayList<>();
        for (String key : OptimizerSettings.readBy(e.type())) {
            String value = e.settings().get(key);
            if (value != null && !key.equals("learning_rate")) {
                parts.add(key + " = " + value);
            }
        }
        return String.join(", ", parts);
    }

    /**
     * The entrants of the rows that race, checked by compiling the document each would train.
     *
     * @throws IllegalArgumentException naming the optimiser, the setting and how to fix it
     */
    static List<OptimizerRace.Entrant> entrants(List<Row> rows, NetworkDocument doc, int epochs) {
        List<OptimizerRace.Entrant> out = new ArrayList<>();
        for (Row row : rows) {
            if (!row.racing()) {
                continue;
            }
            OptimizerRace.Entrant e = parse(row);
            Compilation c = DocumentCompiler.compile(OptimizerRace.documentFor(doc, e, epochs));
            List<Problem> problems = c.problemsOf("optimizer").stream().filter(Problem::error).toList();
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(e.label() + ": " + problems.get(0).message());
            }
            if (!c.trainable()) {
                throw new IllegalArgumentException("This network cannot race: " + c.whyNotTrainable());
            }
            out.add(e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one optimiser to race (tick its box).");
        }
        return out;
    }

    private static OptimizerRace.Entrant parse(Row row) {
        String label = row.defaults().label();
        String type = row.defaults().type();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("learning_rate", number(label, "η", row.eta()));
        List<String> own = OptimizerSettings.readBy(type).stream().filter(k -> !k.equals("learning_rate")
                && row.defaults().settings().containsKey(k)).toList();
        for (String part : row.settings().split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            String key = kv[0].strip().toLowerCase(Locale.ROOT);
            if (kv.length != 2 || key.isEmpty()) {
                throw new IllegalArgumentException(label + ": '" + part.strip() + "' is not a setting; write name = "
                        + "value, e.g. " + settingsText(row.defaults()));
            }
            if (!own.contains(key)) {
                throw new IllegalArgumentException(label + ": " + type + " has no setting '" + key + "'; its settings "
                        + "are " + (own.isEmpty() ? "η alone" : String.join(", ", own)));
            }
            settings.put(key, number(label, key, kv[1]));
        }
        return new OptimizerRace.Entrant(label, type, settings);
    }

    private static String number(String label, String name, String text) {
        String t = text == null ? "" : text.strip();
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return t;
            }
        } catch (NumberFormatException e) {
            // said below, in words
        }
        throw new IllegalArgumentException(label + ": " + name + " must be a number, e.g. 0.01; got '" + t + "'");
    }

    /**
     * The number of epochs typed.
     *
     * @throws IllegalArgumentException unless a whole number from 1 to 100000
     */
    static int epochs(String text) {
        String t = text == null ? "" : text.strip();
        try {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("Epochs must be a whole number from 1 to 100000, e.g. 20; got '" + t
                + "'");
    }
}
