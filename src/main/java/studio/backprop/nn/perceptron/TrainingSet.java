package studio.backprop.nn.perceptron;

import java.util.ArrayList;
import java.util.List;

/**
 * Labelled samples a fixed perceptron is checked against (a gate's truth table): input vectors x and integer
 * labels y, one pair per row.
 *
 * <p>Rows are numbered from 1 in every message, as on exercise sheets; {@link #input(int)} and
 * {@link #label(int)} take 0-based indices as Java does.
 *
 * @param inputs one input vector per sample, all of the same length, at least one entry each
 * @param labels one label per sample
 */
public record TrainingSet(List<Vec> inputs, List<Integer> labels) {

    /** Checks the shape and copies both lists so that the set cannot change later. */
    public TrainingSet {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("the dataset is empty: it needs at least one sample");
        }
        if (labels == null || labels.size() != inputs.size()) {
            int labelCount = labels == null ? 0 : labels.size();
            throw new IllegalArgumentException("there are " + Words.count(inputs.size(), "row")
                    + " of inputs but " + Words.count(labelCount, "label") + "; every row needs exactly one label");
        }
        checkRows(inputs);
        for (int row = 0; row < labels.size(); row++) {
            if (labels.get(row) == null) {
                throw new IllegalArgumentException("row " + (row + 1) + " has no label");
            }
        }
        inputs = List.copyOf(inputs);
        labels = List.copyOf(labels);
    }

    /** A training set from a table of inputs (one row per sample) and the matching labels. */
    public static TrainingSet of(double[][] inputs, int[] labels) {
        if (inputs == null || inputs.length == 0) {
            throw new IllegalArgumentException("the dataset is empty: it needs at least one sample");
        }
        List<Vec> rows = new ArrayList<>(inputs.length);
        for (int row = 0; row < inputs.length; row++) {
            if (inputs[row] == null) {
                throw new IllegalArgumentException("row " + (row + 1) + " has no inputs");
            }
            rows.add(Vec.of(inputs[row]));
        }
        List<Integer> labelList = new ArrayList<>();
        if (labels != null) {
            for (int label : labels) {
                labelList.add(label);
            }
        }
        return new TrainingSet(rows, labelList);
    }

    /** The number of samples. */
    public int size() {
        return inputs.size();
    }

    /** Input vector of sample {@code index}, counted from 0. */
    public Vec input(int index) {
        return inputs.get(index);
    }

    /** Label of sample {@code index}, counted from 0. */
    public int label(int index) {
        return labels.get(index);
    }

    private static void checkRows(List<Vec> inputs) {
        for (int row = 0; row < inputs.size(); row++) {
            Vec x = inputs.get(row);
            if (x == null) {
                throw new IllegalArgumentException("row " + (row + 1) + " has no inputs");
            }
            if (x.size() == 0) {
                throw new IllegalArgumentException("row " + (row + 1)
                        + " has no inputs; every sample needs at least one input");
            }
            if (x.size() != inputs.get(0).size()) {
                throw new IllegalArgumentException("row " + (row + 1) + " has " + Words.count(x.size(), "input")
                        + ", but row 1 has " + inputs.get(0).size() + "; every row needs the same number of inputs");
            }
            checkFinite(x, row);
        }
    }

    private static void checkFinite(Vec x, int row) {
        for (int i = 0; i < x.size(); i++) {
            if (!Double.isFinite(x.get(i))) {
                throw new IllegalArgumentException("input " + (i + 1) + " in row " + (row + 1) + " is "
                        + x.get(i) + "; inputs must be finite numbers");
            }
        }
    }
}
