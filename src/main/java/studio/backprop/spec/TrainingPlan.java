package studio.backprop.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How to train, read from the document's [training] section: batch size (0 = the whole training set), epochs,
 * seed, sample order, validation split, and for exercises the number of optimiser steps to run.
 *
 * @param batchSize        samples per step; 0 means full batch
 * @param order            LISTED, SHUFFLED (reshuffled every epoch from the seed) or EXPLICIT
 * @param explicitOrder    1-based sample numbers for EXPLICIT order
 * @param validation       fraction of the data held out for validation (0 for none)
 * @param lastFraction     true: validation is the last fraction (Keras style); false: a seeded shuffle
 * @param steps            for exercise files: how many optimiser steps the trace runs (0: whole epochs)
 * @param patience         early stopping: epochs without a better validation loss (0: off)
 * @param test             fraction of the data held out as a test split that training never sees (0 for none)
 * @param augment          how each training batch of images is changed on the fly (all zero: not at all)
 */
public record TrainingPlan(int batchSize, int epochs, long seed, Order order, List<Integer> explicitOrder,
                           double validation, boolean lastFraction, int steps, int patience, double test,
                           Augment augment) {

    /** Sample order within an epoch. */
    public enum Order { LISTED, SHUFFLED, EXPLICIT }

    /**
     * Augmentation of image batches: shifts of up to {@code shift} pixels per axis, rotations of up to
     * {@code degrees} either way and Gaussian noise of σ = {@code noise} (see {@code data.Augmentation}).
     */
    public record Augment(int shift, double degrees, double noise) {

        /** No augmentation. */
        public static final Augment NONE = new Augment(0, 0, 0);

        /** True when any of the three changes the images. */
        public boolean on() {
            return shift > 0 || degrees > 0 || noise > 0;
        }
    }

    public TrainingPlan {
        explicitOrder = List.copyOf(explicitOrder);
    }

    /** The settings of [training] that turn augmentation on. */
    public static final List<String> AUGMENT_KEYS = List.of("augment_shift", "augment_rotation", "augment_noise");

    /** Reads the [training] section, collecting every problem instead of stopping at the first. */
    static TrainingPlan read(ComponentSpec spec, List<Problem> problems) {
        Reader r = new Reader(spec, problems);
        String batch = spec.get("batch_size", "32").trim().toLowerCase(Locale.ROOT);
        int batchSize = batch.equals("full") ? 0 : r.integer("batch_size", 32, 0);
        int epochs = r.integer("epochs", 10, 1);
        long seed = r.integer("seed", 1, Integer.MIN_VALUE);
        String orderText = spec.get("order", "shuffled").trim().toLowerCase(Locale.ROOT);
        Order order;
        List<Integer> explicit = new ArrayList<>();
        if (orderText.equals("listed") || orderText.equals("as listed")) {
            order = Order.LISTED;
        } else if (orderText.equals("shuffled")) {
            order = Order.SHUFFLED;
        } else {
            order = Order.EXPLICIT;
            for (String part : orderText.split("[,\\s]+")) {
                try {
                    explicit.add(Integer.parseInt(part));
                } catch (NumberFormatException e) {
                    problems.add(Problem.error("training", "order: '" + spec.get("order") + "' is not listed, "
                            + "shuffled, or sample numbers like 3, 4, 1, 2"));
                    order = Order.LISTED;
                    explicit.clear();
                    break;
                }
            }
        }
        double validation = r.decimal("validation", 0, 0, 0.95);
        String split = spec.get("split", "shuffled").trim().toLowerCase(Locale.ROOT);
        if (!split.equals("shuffled") && !split.equals("last")) {
            problems.add(Problem.error("training", "split: '" + split + "' is neither shuffled nor last"));
        }
        double test = r.decimal("test", 0, 0, 0.95);
        if (validation + test > 0.95) {
            problems.add(Problem.error("training", "validation and test: " + validation + " + " + test + " hold out "
                    + "more than 0.95 of the data, leaving too little to train on; lower validation or test"));
        }
        int steps = r.integer("steps", 0, 0);
        int patience = r.integer("patience", 0, 0);
        Augment augment = new Augment(r.integer("augment_shift", 0, 0, 64), r.decimal("augment_rotation", 0, 0, 180),
                r.decimal("augment_noise", 0, 0, 1));
        r.rejectUnknown("batch_size", "epochs", "seed", "order", "validation", "split", "steps", "patience", "test",
                "augment_shift", "augment_rotation", "augment_noise");
        return new TrainingPlan(batchSize, epochs, seed, order, explicit, validation, split.equals("last"), steps,
                patience, test, augment);
    }

    /**
     * Augmentation shifts and rotates images: a network whose input is not an image (height × width × channels)
     * gets an error naming the settings to clear.
     */
    static void checkAugmentation(TrainingPlan plan, int[] inputShape, List<Problem> problems) {
        if (plan.augment().on() && inputShape.length != 3) {
            problems.add(Problem.error("training", "augment_shift, augment_rotation, augment_noise: augmentation "
                    + "shifts, rotates and noises images, but this network reads " + shapeWords(inputShape)
                    + ", not an image (height x width x channels); set them to 0, or give the network an image "
                    + "input such as 28x28x1"));
        }
    }

    private static String shapeWords(int[] shape) {
        StringBuilder b = new StringBuilder();
        for (int d : shape) {
            b.append(b.length() == 0 ? "" : "x").append(d);
        }
        return shape.length == 1 ? shape[0] + (shape[0] == 1 ? " number" : " numbers") : "samples of shape " + b;
    }

    /** Reads typed values from a component's settings, adding a problem for each unreadable one. */
    static final class Reader {
        private final ComponentSpec spec;
        private final List<Problem> problems;
        private final String subject;

        Reader(ComponentSpec spec, List<Problem> problems) {
            this(spec, problems, "training");
        }

        Reader(ComponentSpec spec, List<Problem> problems, String subject) {
            this.spec = spec;
            this.problems = problems;
            this.subject = subject;
        }

        int integer(String key, int fallback, int min) {
            return integer(key, fallback, min, Integer.MAX_VALUE);
        }

        int integer(String key, int fallback, int min, int max) {
            String v = spec.get(key);
            if (v == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v.trim());
                if (n < min) {
                    problems.add(Problem.error(subject, key + ": " + n + " must be at least " + min));
                    return fallback;
                }
                if (n > max) {
                    problems.add(Problem.error(subject, key + ": " + n + " is more than the " + String.format(
                            Locale.ROOT, "%,d", max) + " allowed"));
                    return fallback;
                }
                return n;
            } catch (NumberFormatException e) {
                problems.add(Problem.error(subject, key + ": '" + studio.backprop.tensor.Excerpt.of(v)
                        + "' is not a whole number"));
                return fallback;
            }
        }

        double decimal(String key, double fallback, double min, double max) {
            String v = spec.get(key);
            if (v == null) {
                return fallback;
            }
            try {
                double d = Double.parseDouble(v.trim());
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    problems.add(Problem.error(subject, key + ": '" + v.trim() + "' is not a number it can use"));
                    return fallback;
                }
                if (!(d >= min && d <= max)) {
                    problems.add(Problem.error(subject, key + ": " + v.trim() + " must be "
                            + (max >= Double.MAX_VALUE ? "at least " + plain(min) : "between " + plain(min) + " and "
                            + plain(max))));
                    return fallback;
                }
                return d;
            } catch (NumberFormatException e) {
                problems.add(Problem.error(subject, key + ": '" + v + "' is not a number"));
                return fallback;
            }
        }

        boolean bool(String key, boolean fallback) {
            String v = spec.get(key);
            if (v == null) {
                return fallback;
            }
            switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on":
                    return true;
                case "false", "no", "off":
                    return false;
                default:
                    problems.add(Problem.error(subject, key + ": '" + v + "' is neither true nor false"));
                    return fallback;
            }
        }

        private static String plain(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
        }

        void rejectUnknown(String... known) {
            List<String> allowed = List.of(known);
            for (String key : spec.settings().keySet()) {
                if (!allowed.contains(key)) {
                    problems.add(Problem.error(subject, "unknown setting '" + key + "'; the settings are "
                            + String.join(", ", allowed)));
                }
            }
        }
    }
}
