package studio.backprop.train;

import studio.backprop.data.Augmentation;
import studio.backprop.spec.TrainingPlan;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Augments each training batch of images in place, on the fly, from the training seed: the draws of step t come
 * from a generator whose state is a hash of (seed, t), so a step gives the same images whenever it is taken (after
 * a reset, a step back, a restored session) and whatever the thread count (the work is one sequential pass).
 * Validation and test data never pass through it.
 */
final class BatchAugmenter {

    /** Keeps the augmentation's draws apart from initialisation, shuffling and dropout on the same seed. */
    private static final long SALT = 0x6A09E667F3BCC909L;

    private final Augmentation augmentation;
    private final long seed;
    private final Rng rng = new Rng(0);
    private float[] scratch = new float[0];

    BatchAugmenter(Augmentation augmentation, long seed) {
        this.augmentation = augmentation;
        this.seed = seed;
    }

    /** The augmenter of a plan, or null when the plan augments nothing. */
    static BatchAugmenter of(TrainingPlan plan) {
        TrainingPlan.Augment a = plan.augment();
        return a.on() ? new BatchAugmenter(new Augmentation(a.shift(), a.degrees(), a.noise()), plan.seed()) : null;
    }

    /** Replaces the images of {@code batch} (N, H, W, C), a dense tensor, by their augmented versions for step t. */
    void augment(Tensor batch, long step) {
        float[] values = batch.buffer();
        if (scratch.length < values.length) {
            scratch = new float[values.length];
        }
        System.arraycopy(values, 0, scratch, 0, values.length);
        rng.setState(mix(seed ^ SALT) + mix(step));
        augmentation.apply(scratch, values, batch.shape(), rng);
    }

    /** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
