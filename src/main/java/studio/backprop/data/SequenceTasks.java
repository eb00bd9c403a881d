package studio.backprop.data;

import java.util.List;
import java.util.Locale;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Generated sequence tasks, seeded: same arguments, same data. Number tasks give each sample as (steps, 1);
 * token tasks give (steps) whole-number ids in [0, tokens) for an Embedding. Targets are flat rows the loader
 * shapes to the network's output: one number, or one value (or one-hot row) per step.
 *
 * <ul>
 *   <li>{@code delayed_copy} (echo): random bits x_t; target y_t = x_{t−delay} (0 before the delay): (steps, 1).</li>
 *   <li>{@code sum}: x_t uniform in [0, 1]; target Σ x_t: one number.</li>
 *   <li>{@code sine}: a window sin(ω·t + φ) + noise·ε, t = 0 … steps−1, with random phase φ and
 *       ω = 2π/16 (one period every 16 steps); target the next value sin(ω·steps + φ): one number.</li>
 *   <li>{@code parity}: random bits; target 1 when the number of ones is odd: one number.</li>
 *   <li>{@code sort}: random tokens; target the same tokens in increasing order, one-hot per step (steps, tokens).</li>
 *   <li>{@code copy}: random tokens; target the same tokens, one-hot per step (steps, tokens).</li>
 * </ul>
 */
public final class SequenceTasks {

    /** The task names, as files write them. */
    public static final List<String> TASKS = List.of("delayed_copy", "echo", "sum", "sine", "parity", "sort",
            "copy");

    private static final double SINE_OMEGA = 2 * Math.PI / 16;

    private SequenceTasks() {
    }

    /** Whether a task's inputs are token ids (steps) rather than numbers (steps, 1). */
    public static boolean usesTokens(String task) {
        return task.equals("sort") || task.equals("copy");
    }

    /**
     * Generates a task's samples.
     *
     * @throws IllegalArgumentException naming the setting when a number is out of its range or the task unknown
     */
    public static Dataset generate(String task, int samples, int steps, int delay, int tokens, double noise,
                                   long seed) {
        String t = task.trim().toLowerCase(Locale.ROOT);
        if (!TASKS.contains(t)) {
            throw new IllegalArgumentException("task '" + task + "' is not one of " + String.join(", ", TASKS));
        }
        if (samples < 1 || steps < 1) {
            throw new IllegalArgumentException("samples and steps must be at least 1, got " + samples + " and "
                    + steps);
        }
        if ((t.equals("delayed_copy") || t.equals("echo")) && (delay < 0 || delay >= steps)) {
            throw new IllegalArgumentException("delay " + delay + " must be from 0 to steps − 1 = " + (steps - 1)
                    + ", or no step has anything to copy");
        }
        if (usesTokens(t) && tokens < 2) {
            throw new IllegalArgumentException("tokens must be at least 2, got " + tokens);
        }
        Rng rng = new Rng(seed);
        return switch (t) {
            case "sum" -> numbers(t, samples, steps, 1, rng, (x, y, r) -> {
                double total = 0;
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) r.nextDouble();
                    total += x[i];
                }
                y[0] = (float) total;
            });
            case "sine" -> numbers(t, samples, steps, 1, rng, (x, y, r) -> {
                double phase = 2 * Math.PI * r.nextDouble();
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (Math.sin(SINE_OMEGA * i + phase) + noise * r.nextGaussian());
                }
                y[0] = (float) Math.sin(SINE_OMEGA * x.length + phase);
            });
            case "parity" -> numbers(t, samples, steps, 1, rng, (x, y, r) -> {
                int ones = 0;
                for (int i = 0; i < x.length; i++) {
                    x[i] = r.nextInt(2);
                    ones += (int) x[i];
                }
                y[0] = ones % 2;
            });
            case "sort", "copy" -> tokens(t, samples, steps, tokens, rng);
            default -> numbers(t, samples, steps, steps, rng, (x, y, r) -> {
                for (int i = 0; i < x.length; i++) {
                    x[i] = r.nextInt(2);
                    y[i] = i >= delay ? x[i - delay] : 0f;
                }
            });
        };
    }

    /** Fills one sample's inputs x (steps) and targets y. */
    private interface Sample {
        void fill(float[] x, float[] y, Rng rng);
    }

    private static Dataset numbers(String task, int samples, int steps, int targetWidth, Rng rng, Sample sample) {
        float[] xs = new float[samples * steps];
        float[] ys = new float[samples * targetWidth];
        float[] x = new float[steps];
        float[] y = new float[targetWidth];
        for (int n = 0; n < samples; n++) {
            sample.fill(x, y, rng);
            System.arraycopy(x, 0, xs, n * steps, steps);
            System.arraycopy(y, 0, ys, n * targetWidth, targetWidth);
        }
        return Dataset.regression(task, Tensor.wrap(xs, samples, steps, 1), Tensor.wrap(ys, samples, targetWidth),
                List.of(), List.of());
    }

    private static Dataset tokens(String task, int samples, int steps, int vocabulary, Rng rng) {
        float[] xs = new float[samples * steps];
        float[] ys = new float[samples * steps * vocabulary];
        int[] ids = new int[steps];
        for (int n = 0; n < samples; n++) {
            for (int i = 0; i < steps; i++) {
                ids[i] = rng.nextInt(vocabulary);
                xs[n * steps + i] = ids[i];
            }
            if (task.equals("sort")) {
                java.util.Arrays.sort(ids);
            }
            for (int i = 0; i < steps; i++) {
                ys[(n * steps + i) * vocabulary + ids[i]] = 1f;
            }
        }
        return Dataset.regression(task, Tensor.wrap(xs, samples, steps), Tensor.wrap(ys, samples, steps * vocabulary),
                List.of(), List.of());
    }
}
