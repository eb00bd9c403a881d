package studio.backprop.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.backprop.tensor.Shapes;

/**
 * The model summary: per layer its output shape and trainable and non-trainable parameter counts, with totals,
 * computed from shapes alone (VGG-16's 138 million parameters are counted, not allocated).
 */
public record ModelSummary(int[] inputShape, List<Row> rows, List<String> errors, List<String> warnings) {

    /** One line of the table; shape is null when it cannot be inferred. */
    public record Row(String name, String type, int[] outputShape, long trainable, long nonTrainable) {

        public long total() {
            return trainable + nonTrainable;
        }
    }

    public static ModelSummary of(Network network) {
        ShapeReport report = network.inferShapes();
        List<Row> rows = new ArrayList<>();
        for (ShapeReport.NodeShape n : report.nodes()) {
            rows.add(new Row(n.name(), n.type(), n.outputShape(), n.trainableCount(), n.nonTrainableCount()));
        }
        return new ModelSummary(network.inputShape(), List.copyOf(rows), report.errors(), report.warnings());
    }

    public long trainable() {
        return rows.stream().mapToLong(Row::trainable).sum();
    }

    public long nonTrainable() {
        return rows.stream().mapToLong(Row::nonTrainable).sum();
    }

    public long total() {
        return trainable() + nonTrainable();
    }

    /** The row of a layer. */
    public Row row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer named '" + name + "'"));
    }

    /** The summary as a fixed-width text table, with totals, problems and warnings below it. */
    public String format() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"Layer (type)", "Output shape", "Trainable", "Non-trainable"});
        cells.add(new String[] {"input (Input)", shape(inputShape), "0", "0"});
        for (Row r : rows) {
            cells.add(new String[] {r.name() + " (" + r.type() + ")", shape(r.outputShape()),
                    count(r.trainable()), count(r.nonTrainable())});
        }
        int[] width = new int[4];
        for (String[] row : cells) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        String rule = "-".repeat(width[0] + width[1] + width[2] + width[3] + 9) + "\n";
        for (int k = 0; k < cells.size(); k++) {
            String[] row = cells.get(k);
            sb.append(String.format(Locale.ROOT, "%-" + width[0] + "s   %-" + width[1] + "s   %" + width[2] + "s   %"
                    + width[3] + "s%n", row[0], row[1], row[2], row[3]));
            if (k == 0) {
                sb.append(rule);
            }
        }
        sb.append(rule);
        sb.append("Total params: ").append(count(total())).append('\n');
        sb.append("Trainable params: ").append(count(trainable())).append('\n');
        sb.append("Non-trainable params: ").append(count(nonTrainable())).append('\n');
        errors.forEach(e -> sb.append("Problem: ").append(e).append('\n'));
        warnings.forEach(w -> sb.append("Warning: ").append(w).append('\n'));
        return sb.toString();
    }

    /**
     * The table with a multiply-adds column (per sample, see {@link MultiplyAdds}) and their total below the
     * parameter totals.
     */
    public String format(Map<String, Long> multiplyAdds) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"Layer (type)", "Output shape", "Params", "Multiply-adds"});
        cells.add(new String[] {"input (Input)", shape(inputShape), "0", "0"});
        for (Row r : rows) {
            cells.add(new String[] {r.name() + " (" + r.type() + ")", shape(r.outputShape()), count(r.total()),
                    count(multiplyAdds.getOrDefault(r.name(), 0L))});
        }
        int[] width = new int[4];
        for (String[] row : cells) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        String rule = "-".repeat(width[0] + width[1] + width[2] + width[3] + 9) + "\n";
        for (int k = 0; k < cells.size(); k++) {
            String[] row = cells.get(k);
            sb.append(String.format(Locale.ROOT, "%-" + width[0] + "s   %-" + width[1] + "s   %" + width[2] + "s   %"
                    + width[3] + "s%n", row[0], row[1], row[2], row[3]));
            if (k == 0) {
                sb.append(rule);
            }
        }
        sb.append(rule);
        sb.append("Total params: ").append(count(total())).append('\n');
        sb.append("Trainable params: ").append(count(trainable())).append('\n');
        sb.append("Non-trainable params: ").append(count(nonTrainable())).append('\n');
        sb.append("Multiply-adds per sample: ").append(count(MultiplyAdds.total(multiplyAdds))).append('\n');
        return sb.toString();
    }

    private static String shape(int[] s) {
        return s == null ? "?" : "(None, " + Shapes.str(s).substring(1).replace("]", ")");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
