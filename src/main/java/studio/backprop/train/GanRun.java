package studio.backprop.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.nn.Parameter;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * A GAN's training run over a fixed set of real samples: each {@link #step} draws a mini-batch of real samples
 * (uniformly, with the run's seed) and lets the {@link GanRule} update the network whose turn it is.
 *
 * <p>Thread: one thread at a time (the trainer's, a lesson's, or a test's).
 */
public final class GanRun {

    private final GanRule rule;
    private final Tensor real;
    private final Tensor oneHot;
    private final int batchSize;
    private final Rng rng;
    private final Tensor batchX;
    private final Tensor batchY;
    private final int[] picks;
    private long steps;
    private boolean recording;
    private GanStep lastStep;

    /**
     * @param real      the real samples (M, …sample shape)
     * @param labels    each sample's class (for a conditional GAN; may be null otherwise)
     * @param batchSize samples per step, at most M
     */
    public GanRun(GanRule rule, Tensor real, int[] labels, int batchSize, long seed) {
        if (batchSize < 1 || batchSize > real.dim(0)) {
            throw new IllegalArgumentException("the GAN's batch size must be between 1 and the " + real.dim(0)
                    + " real samples, got " + batchSize);
        }
        this.rule = rule;
        this.real = real.contiguous();
        int classes = rule.settings().conditionalClasses();
        this.oneHot = classes == 0 ? null : oneHot(labels, classes);
        this.batchSize = batchSize;
        this.rng = new Rng(seed);
        int[] shape = real.shape();
        shape[0] = batchSize;
        this.batchX = Tensor.zeros(shape);
        this.batchY = Tensor.zeros(batchSize, Math.max(1, classes));
        this.picks = new int[batchSize];
    }

    /** Whether each step keeps a {@link GanStep} record (off by default: recording copies every value). */
    public void setRecording(boolean on) {
        recording = on;
        if (!on) {
            lastStep = null;
        }
    }

    /** The last step's record, or null when not recording or before the first step. */
    public GanStep lastStep() {
        return lastStep;
    }

    /** Steps that make one epoch: as many batches as it takes to draw as many samples as there are, ⌈M / N⌉. */
    public int stepsPerEpoch() {
        return (real.dim(0) + batchSize - 1) / batchSize;
    }

    /** Epochs completed. */
    public long epochs() {
        return steps / stepsPerEpoch();
    }

    public int batchSize() {
        return batchSize;
    }

    /** One update of one network (k discriminator steps, then one generator step, over successive calls). */
    public float step() {
        int width = real.size() / real.dim(0);
        int classes = oneHot == null ? 0 : oneHot.dim(1);
        for (int i = 0; i < batchSize; i++) {
            int pick = rng.nextInt(real.dim(0));
            picks[i] = pick + 1;
            System.arraycopy(real.buffer(), pick * width, batchX.buffer(), i * width, width);
            if (classes > 0) {
                System.arraycopy(oneHot.buffer(), pick * classes, batchY.buffer(), i * classes, classes);
            }
        }
        steps++;
        if (!recording) {
            return rule.step(batchX, batchY);
        }
        GanRule.Phase phase = rule.nextPhase();
        int roundStep = phase == GanRule.Phase.DISCRIMINATOR ? ((int[]) rule.stepState())[0] + 1
                : rule.settings().discriminatorSteps() + 1;
        double eta = rule.learningRate(phase);
        Map<String, TensorCopy> before = parameters();
        float loss = rule.step(batchX, batchY);
        StepRecord record = new StepRecord(steps, (int) ((steps - 1) / stepsPerEpoch()) + 1, picks, eta, loss,
                rule.recordNodes(before), before, rule.gradients(), parameters(), List.of());
        boolean d = phase == GanRule.Phase.DISCRIMINATOR;
        lastStep = new GanStep(phase, roundStep, d ? rule.discriminatorLossOnReal() : Float.NaN,
                d ? rule.discriminatorLossOnFake() : Float.NaN, record);
        return loss;
    }

    /** Every parameter of both networks (the generator's first), copied. */
    private Map<String, TensorCopy> parameters() {
        Map<String, TensorCopy> out = new LinkedHashMap<>();
        for (Parameter p : rule.parameters()) {
            out.put(p.name(), TapeRecords.copy(p.value()));
        }
        return out;
    }

    /** n fresh codes (with labels 0, 1, 2, … in turn when conditional), for drawing what G makes. */
    public Tensor codes(int n, long seed) {
        int classes = rule.settings().conditionalClasses();
        Tensor labels = null;
        if (classes > 0) {
            int[] l = new int[n];
            for (int i = 0; i < n; i++) {
                l[i] = i % classes;
            }
            labels = oneHot(l, classes);
        }
        return GanRule.codes(n, rule.settings().latent(), labels, new Rng(seed));
    }

    public GanRule rule() {
        return rule;
    }

    public Tensor real() {
        return real;
    }

    public long steps() {
        return steps;
    }

    private static Tensor oneHot(int[] labels, int classes) {
        if (labels == null) {
            throw new IllegalArgumentException("a conditional GAN needs a class label for every real sample");
        }
        Tensor t = Tensor.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("sample " + (i + 1) + " has the label " + labels[i]
                        + "; a conditional GAN with " + classes + " classes needs labels 0 to " + (classes - 1));
            }
            t.buffer()[i * classes + labels[i]] = 1f;
        }
        return t;
    }
}
