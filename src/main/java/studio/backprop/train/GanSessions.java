package studio.backprop.train;

import java.util.Arrays;
import java.util.Locale;
import studio.backprop.data.Dataset;
import studio.backprop.data.DatasetException;
import studio.backprop.data.SampleData;
import studio.backprop.data.TargetDistributions;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.GanCompilation;
import studio.backprop.spec.GanDocument;
import studio.backprop.spec.TrainingPlan;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Prepares a GAN document for training: reads its real samples (a 2-D target distribution or the digits), builds
 * both networks from the one training seed (generator first) and returns the run, ready at step 0.
 */
public final class GanSessions {

    /** The most real samples a generated target may have. */
    static final int MAX_SAMPLES = 1_000_000;

    private GanSessions() {
    }

    /**
     * @throws DataResolutionException when the data cannot be read or does not fit the sample shape, in words
     * @throws IllegalArgumentException when the compilation has errors
     */
    public static GanRun prepare(GanCompilation c) {
        if (!c.trainable()) {
            throw new IllegalArgumentException("the GAN cannot be trained: " + c.whyNotTrainable());
        }
        Real real = real(c.document());
        int[] sample = c.document().sampleShape();
        int[] got = Arrays.copyOfRange(real.points().shape(), 1, real.points().rank());
        if (real.points().size() / real.points().dim(0) != Arrays.stream(sample).reduce(1, (a, b) -> a * b)) {
            throw new DataResolutionException("[data " + c.document().data().type() + "] gives samples of shape "
                    + Shapes.str(got) + ", but the file says sample = " + Shapes.str(sample));
        }
        int[] batchShape = new int[sample.length + 1];
        batchShape[0] = real.points().dim(0);
        System.arraycopy(sample, 0, batchShape, 1, sample.length);
        Tensor points = real.points().contiguous().reshape(batchShape).contiguous();
        TrainingPlan plan = c.plan();
        Rng rng = new Rng(plan.seed());
        c.generator().network().build(rng);
        c.discriminator().network().build(rng);
        GanRule rule = new GanRule(c.generator().network(), c.discriminator().network(), c.generator().optimizer(),
                c.discriminator().optimizer(), c.settings(), rng);
        int batch = plan.batchSize() == 0 ? points.dim(0) : Math.min(plan.batchSize(), points.dim(0));
        return new GanRun(rule, points, real.labels(), batch, plan.seed() + 1);
    }

    /** Real samples and their labels. */
    private record Real(Tensor points, int[] labels) {
    }

    private static Real real(GanDocument doc) {
        ComponentSpec data = doc.data();
        String source = data.type();
        if (TargetDistributions.NAMES.contains(source)) {
            int size = integer(data, "samples", 2000, 1, MAX_SAMPLES);
            double noise = decimal(data, "noise", 0.02);
            long seed = integer(data, "seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
            TargetDistributions.Samples s = TargetDistributions.byName(source, size, noise, seed);
            return new Real(s.points(), s.labels());
        }
        if (source.equals("mnist")) {
            try {
                Dataset digits = SampleData.mnist10k();
                int count = integer(data, "count", digits.size(), 1, digits.size());
                int[] first = new int[count];
                Arrays.setAll(first, i -> i);
                Dataset d = digits.subset(first);
                return new Real(d.features(), d.labels());
            } catch (DatasetException e) {
                throw new DataResolutionException(e.getMessage(), e);
            }
        }
        throw new DataResolutionException("[data " + source + "]: a GAN learns from ring, two_moons, grid, line or "
                + "mnist");
    }

    private static int integer(ComponentSpec data, String key, int fallback, int min, int max) {
        String text = data.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new DataResolutionException("[data " + data.type() + "], " + key + ": '" + text + "' is not a whole "
                + "number from " + min + " to " + max);
    }

    private static double decimal(ComponentSpec data, String key, double fallback) {
        String text = data.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (v >= 0 && v <= 10) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new DataResolutionException(String.format(Locale.ROOT, "[data %s], %s: '%s' is not a number from 0 "
                + "to 10", data.type(), key, text));
    }
}
