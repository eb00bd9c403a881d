package studio.backprop.train.exercise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import studio.backprop.spec.ExerciseSpec;
import studio.backprop.train.StepRecord;

/**
 * An exercise's trace table: every number of its steps as the engine computed them, the hidden ones marked as
 * questions. The sheet a student fills in, its solution and the check of a typed answer all read these rows.
 *
 * @param title the network's name
 * @param spec  the exercise section it was set from
 * @param rows  the trace table in the order a student computes it
 */
public record ExerciseSheet(String title, ExerciseSpec spec, List<SheetRow> rows) {

    public ExerciseSheet {
        rows = List.copyOf(rows);
    }

    /**
     * The sheet of the given step records with the spec's {@code hide} list resolved.
     *
     * @throws ExerciseException naming a hidden value that is not in the trace (and the values that are)
     */
    public static ExerciseSheet of(String title, ExerciseSpec spec, List<StepRecord> records)
            throws ExerciseException {
        List<SheetRow> rows = new ArrayList<>();
        for (StepRecord r : records) {
            rows.addAll(TraceRows.of(r));
        }
        boolean[] hidden = new boolean[rows.size()];
        for (String item : spec.hide()) {
            hideItem(item, rows, hidden, spec, records.size());
        }
        List<SheetRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(hidden[i] ? rows.get(i).asQuestion() : rows.get(i));
        }
        return new ExerciseSheet(title, spec, out);
    }

    /** The rows the sheet prints: all of them, or with {@code show = questions} the givens and the questions. */
    public List<SheetRow> printed() {
        return spec.showAll() ? rows : rows.stream().filter(r -> r.hidden() || r.part().equals("given")).toList();
    }

    /** How many values are hidden. */
    public int questions() {
        return (int) rows.stream().filter(SheetRow::hidden).count();
    }

    private static void hideItem(String item, List<SheetRow> rows, boolean[] hidden, ExerciseSpec spec, int steps)
            throws ExerciseException {
        String text = item.replace(" ", "");
        int step = 0;
        int colon = text.indexOf(':');
        if (colon > 0 && text.substring(0, colon).chars().allMatch(Character::isDigit)) {
            step = Integer.parseInt(text.substring(0, colon));
            text = text.substring(colon + 1);
            if (step < 1 || step > steps) {
                throw fail(spec, item, "step " + step + " is not part of it; the exercise has " + steps + " step"
                        + (steps == 1 ? "" : "s"));
            }
        }
        String wanted = canonical(text, rows);
        boolean indexed = wanted.contains("[");
        String base = indexed ? wanted.substring(0, wanted.indexOf('[')) : wanted;
        boolean baseKnown = false;
        boolean any = false;
        for (int i = 0; i < rows.size(); i++) {
            SheetRow r = rows.get(i);
            if (!r.base().equals(base)) {
                continue;
            }
            baseKnown = true;
            if ((step == 0 || r.step() == step) && (!indexed || r.reference().equals(wanted))) {
                hidden[i] = true;
                any = true;
            }
        }
        if (!baseKnown) {
            throw fail(spec, item, "this network has no such value; its values are " + names(rows));
        }
        if (!any) {
            List<SheetRow> same = rows.stream().filter(r -> r.base().equals(base)).toList();
            throw fail(spec, item, "there is no such entry; " + base + " runs from " + same.get(0).reference()
                    + " to " + same.get(same.size() - 1).reference() + " (indices count from 0)");
        }
    }

    /** The file's way of writing a value, as the rows name it: ∂L/∂ → dL/d, ŷ → yhat, LAYER/delta → dL/dLAYER/z. */
    static String canonical(String text, List<SheetRow> rows) {
        String t = text.replace("∂L/∂", "dL/d").replace("ŷ", "yhat").replace("’", "'");
        int bracket = t.indexOf('[');
        String name = bracket < 0 ? t : t.substring(0, bracket);
        String index = bracket < 0 ? "" : t.substring(bracket);
        if (name.endsWith("/delta")) {
            String layer = name.substring(0, name.length() - "/delta".length());
            String z = layer + "/z";
            boolean hasZ = rows.stream().anyMatch(r -> r.base().equals("dL/d" + z));
            name = "dL/d" + (hasZ ? z : layer + "/matMul");
        }
        return name + index;
    }

    private static String names(List<SheetRow> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.add(r.base()));
        boolean gradients = names.stream().anyMatch(n -> n.startsWith("dL/d"));
        names.removeIf(n -> n.startsWith("dL/d") || n.endsWith("'") && gradients);
        return String.join(", ", names) + (gradients ? "; ∂L/∂ of each as dL/dNAME, a layer's δ as LAYER/delta, a "
                + "weight after the update as NAME'" : "");
    }

    private static ExerciseException fail(ExerciseSpec spec, String item, String why) {
        return new ExerciseException(spec.source() + ", line " + spec.hideLine() + ": hide '" + item + "': " + why
                + ".");
    }
}
