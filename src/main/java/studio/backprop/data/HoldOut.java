package studio.backprop.data;

import java.util.Arrays;
import studio.backprop.tensor.Rng;

/**
 * The split a training run uses: which of n rows train, which validate and which are the test split that training
 * and early stopping never see. Training and the data-handling lesson both call it, so the lesson shows exactly the
 * rows a run of the same file would hold out.
 *
 * <p>The rows are put in an order first: as listed ({@code last}, Keras's {@code validation_split}), or shuffled
 * by a generator seeded with {@code seed ^ 0x5EED}. With v = round(n·validation) and t = round(n·test), the last t
 * rows of that order are the test split, the v before them validation, and the first n − v − t train. Without a
 * test split (t = 0) this is the validation split training has always made.
 *
 * @param train      row numbers (from 0) that train, in the order above
 * @param validation row numbers that validate
 * @param test       row numbers of the test split
 */
public record HoldOut(int[] train, int[] validation, int[] test) {

    /** Keeps validation apart from the other uses of the training seed. */
    public static final long SALT = 0x5EEDL;

    public HoldOut {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    /**
     * Splits n rows.
     *
     * @throws IllegalArgumentException in words when a fraction is outside [0, 1), or when a fraction above 0
     *                                  leaves a part (or the training rows) empty
     */
    public static HoldOut of(int n, double validation, double test, boolean last, long seed) {
        check("validation", validation);
        check("test", test);
        int v = (int) Math.round(n * validation);
        int t = (int) Math.round(n * test);
        if (validation > 0 && v < 1) {
            throw new IllegalArgumentException("a validation fraction of " + validation + " leaves no validation "
                    + "sample from " + n + " samples");
        }
        if (test > 0 && t < 1) {
            throw new IllegalArgumentException("a test fraction of " + test + " leaves no test sample from " + n
                    + " samples");
        }
        if (n - v - t < 1) {
            throw new IllegalArgumentException("validation " + validation + " and test " + test + " leave no "
                    + "training sample from " + n + " samples");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (!last) {
            new Rng(seed ^ SALT).shuffle(order);
        }
        return new HoldOut(Arrays.copyOfRange(order, 0, n - v - t), Arrays.copyOfRange(order, n - v - t, n - t),
                Arrays.copyOfRange(order, n - t, n));
    }

    private static void check(String what, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("the " + what + " fraction must be from 0 up to (not including) 1, "
                    + "not " + fraction);
        }
    }

    /** 0 for a training row, 1 for validation, 2 for test, per row number. */
    public int[] partOfEachRow() {
        int[] part = new int[train.length + validation.length + test.length];
        for (int r : validation) {
            part[r] = 1;
        }
        for (int r : test) {
            part[r] = 2;
        }
        return part;
    }
}
