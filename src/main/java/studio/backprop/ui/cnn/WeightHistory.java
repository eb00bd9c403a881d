package studio.backprop.ui.cnn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per parameter, how its weights, gradients and updates were distributed over the training steps (as
 * {@link Quantiles}), and its update-to-weight ratio ‖Δθ‖ / ‖θ‖ per step: the numbers that make vanishing and
 * exploding gradients visible. Keeps the last {@link #KEPT} entries of each series.
 *
 * <p>No toolkit here; the view model fills it from the probes' payloads.
 */
public final class WeightHistory {

    /** How many points each series keeps. */
    public static final int KEPT = 240;

    /** One point of a distribution series: the step and the quantiles. */
    public record Point(long step, double[] quantiles) {
    }

    /** One point of a ratio series. */
    public record Ratio(long step, double value) {
    }

    private final Map<String, List<Point>> weights = new LinkedHashMap<>();
    private final Map<String, List<Point>> gradients = new LinkedHashMap<>();
    private final Map<String, List<Point>> updates = new LinkedHashMap<>();
    private final Map<String, List<Ratio>> ratios = new LinkedHashMap<>();
    private final Map<String, float[]> previous = new LinkedHashMap<>();
    private final Map<String, Long> previousStep = new LinkedHashMap<>();

    /**
     * Takes the weights after {@code step}: their distribution, and the distribution of the change since the weights
     * taken before (over however many steps lie between; nothing when the step did not move on).
     */
    public void addWeights(long step, Map<String, float[]> values) {
        values.forEach((name, v) -> {
            Long at = previousStep.get(name);
            if (at != null && at == step) {
                return;
            }
            add(weights, name, new Point(step, Quantiles.of(v)));
            float[] before = previous.get(name);
            if (before != null && before.length == v.length && at < step) {
                add(updates, name, new Point(step, Quantiles.of(Quantiles.difference(v, before))));
            }
            previous.put(name, v);
            previousStep.put(name, step);
        });
    }

    /** Takes the gradients of {@code step}'s batch. */
    public void addGradients(long step, Map<String, float[]> values) {
        values.forEach((name, v) -> {
            List<Point> list = gradients.get(name);
            if (list == null || list.isEmpty() || list.get(list.size() - 1).step() != step) {
                add(gradients, name, new Point(step, Quantiles.of(v)));
            }
        });
    }

    /** Takes ‖Δθ‖ / ‖θ‖ of {@code step} (0 when ‖θ‖ = 0 and nothing moved). */
    public void addRatio(long step, String name, double update, double weight) {
        List<Ratio> list = ratios.computeIfAbsent(name, k -> new ArrayList<>());
        if (step > 0 && (list.isEmpty() || list.get(list.size() - 1).step() != step)) {
            list.add(new Ratio(step, weight == 0 ? 0 : update / weight));
            if (list.size() > KEPT) {
                list.remove(0);
            }
        }
    }

    private static void add(Map<String, List<Point>> series, String name, Point p) {
        List<Point> list = series.computeIfAbsent(name, k -> new ArrayList<>());
        list.add(p);
        if (list.size() > KEPT) {
            list.remove(0);
        }
    }

    public void clear() {
        weights.clear();
        gradients.clear();
        updates.clear();
        ratios.clear();
        previous.clear();
        previousStep.clear();
    }

    public List<Point> weights(String name) {
        return weights.getOrDefault(name, List.of());
    }

    public List<Point> gradients(String name) {
        return gradients.getOrDefault(name, List.of());
    }

    public List<Point> updates(String name) {
        return updates.getOrDefault(name, List.of());
    }

    public List<Ratio> ratios(String name) {
        return ratios.getOrDefault(name, List.of());
    }

    /** The parameters seen, in the order they came. */
    public List<String> names() {
        return List.copyOf(weights.keySet());
    }

    /** The parameters with a ratio series. */
    public List<String> ratioNames() {
        return List.copyOf(ratios.keySet());
    }
}
