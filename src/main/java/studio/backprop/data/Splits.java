package studio.backprop.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import studio.backprop.tensor.Rng;

/**
 * Cutting a dataset into train, validation and test parts by fractions (for example 0.7 / 0.15 / 0.15).
 *
 * <p>Sizes: with N samples the cuts fall at round(N·train) and round(N·(train + validation)), so the three sizes
 * always add up to N. The fractions must each be in [0, 1] and sum to 1. Parts are named after the dataset
 * ("spiral (train)").
 *
 * <ul>
 *   <li>{@link #shuffled}: a seeded permutation first, then the cuts.</li>
 *   <li>{@link #stratified}: the same per class, so each part keeps the class proportions (each class rounded
 *       on its own, so the part sizes may differ by a sample or two from the unstratified ones); every part is
 *       shuffled again so its classes are interleaved.</li>
 *   <li>{@link #inOrder} and {@link #validationSplit}: no shuffling, the last samples become validation (and
 *       test), as Keras' {@code validation_split} does.</li>
 * </ul>
 */
public final class Splits {

    private Splits() {
    }

    /** A seeded shuffle, then train / validation / test by fractions. */
    public static Split shuffled(Dataset data, double train, double validation, double test, Rng rng) {
        checkFractions(train, validation, test);
        int[] order = rng.permutation(data.size());
        int[] cuts = cuts(data.size(), train, validation);
        return parts(data, slice(order, 0, cuts[0]), slice(order, cuts[0], cuts[1]),
                slice(order, cuts[1], data.size()));
    }

    /** Like {@link #shuffled}, but each class is cut by the fractions on its own. */
    public static Split stratified(Dataset data, double train, double validation, double test, Rng rng) {
        checkFractions(train, validation, test);
        if (!data.task().isClassification()) {
            throw new IllegalArgumentException(data.name() + ": stratified splits need classes; this set is "
                    + data.task());
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < data.classCount(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < data.size(); i++) {
            byClass.get(data.label(i)).add(i);
        }
        List<Integer> trainIdx = new ArrayList<>();
        List<Integer> valIdx = new ArrayList<>();
        List<Integer> testIdx = new ArrayList<>();
        for (List<Integer> members : byClass) {
            int[] perm = rng.permutation(members.size());
            int[] cuts = cuts(members.size(), train, validation);
            for (int j = 0; j < perm.length; j++) {
                List<Integer> target = j < cuts[0] ? trainIdx : j < cuts[1] ? valIdx : testIdx;
                target.add(members.get(perm[j]));
            }
        }
        return parts(data, mixed(trainIdx, rng), mixed(valIdx, rng), mixed(testIdx, rng));
    }

    /** No shuffle: the first samples train, the next validate, the last test. */
    public static Split inOrder(Dataset data, double train, double validation, double test) {
        checkFractions(train, validation, test);
        int n = data.size();
        int[] all = identity(n);
        int[] cuts = cuts(n, train, validation);
        return parts(data, slice(all, 0, cuts[0]), slice(all, cuts[0], cuts[1]), slice(all, cuts[1], n));
    }

    /** Keras {@code validation_split}: the last fraction validates, the rest trains, no test part, no shuffle. */
    public static Split validationSplit(Dataset data, double validationFraction) {
        return inOrder(data, 1 - validationFraction, validationFraction, 0);
    }

    private static void checkFractions(double train, double validation, double test) {
        for (double f : new double[] {train, validation, test}) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("split fractions must be in [0, 1], got " + train + " / "
                        + validation + " / " + test);
            }
        }
        if (Math.abs(train + validation + test - 1) > 1e-6) {
            throw new IllegalArgumentException("split fractions must add up to 1, got " + train + " + "
                    + validation + " + " + test + " = " + (train + validation + test));
        }
    }

    private static int[] cuts(int n, double train, double validation) {
        int first = (int) Math.round(n * train);
        int second = Math.max(first, Math.min(n, (int) Math.round(n * (train + validation))));
        return new int[] {first, second};
    }

    private static int[] identity(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private static int[] slice(int[] order, int from, int to) {
        return Arrays.copyOfRange(order, from, to);
    }

    private static int[] mixed(List<Integer> indices, Rng rng) {
        int[] out = indices.stream().mapToInt(Integer::intValue).toArray();
        rng.shuffle(out);
        return out;
    }

    private static Split parts(Dataset data, int[] train, int[] validation, int[] test) {
        return new Split(data.subset(train).withName(data.name() + " (train)"),
                data.subset(validation).withName(data.name() + " (validation)"),
                data.subset(test).withName(data.name() + " (test)"));
    }
}
