package studio.backprop.ui.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lessons the app offers, keyed by the curriculum's topic ids ("A1", "B3", "E2"), listed by Help in curriculum
 * order. The shipped samples and pages are registered here; a page added later registers its own lesson with
 * {@link #register} (registering the same lesson twice keeps one).
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class Lessons {

    /**
     * One lesson.
     *
     * @param topic the curriculum's topic id, e.g. "D2"
     * @param title what the lesson is about
     * @param where where to find it: a page ("the Stepper page") or a sample ("sample: Spiral playground")
     */
    public record Lesson(String topic, String title, String where) {
    }

    private static final Pattern TOPIC = Pattern.compile("([A-Z])(\\d+)");
    private static final Set<Lesson> ALL = new LinkedHashSet<>();

    static {
        register("A1", "Perceptron", "samples: Perceptron: learning OR, learning AND");
        register("A2", "Logic gates and separability", "samples: Perceptron: why XOR fails; A half adder from NAND "
                + "units");
        register("B1", "Gradient descent on one neuron", "sample: One sigmoid neuron on OR");
        register("B2", "Batch, stochastic and mini-batch", "the Setup page: batch_size; the Training page's Step "
                + "buttons");
        register("B3", "Learning-rate schedules", "the Setup page: schedule; the Training page's learning-rate "
                + "chart");
        register("C2", "Losses", "the Setup page: loss, reduction, ½ and unit");
        register("D1", "Multi-layer networks", "the Network page; sample: XOR with a hidden layer: 2-2-1");
        register("D2", "Backpropagation", "the Stepper page; sample: Backpropagation by hand: a 2-2-2 network");
        register("E2", "Optimisers", "the Setup page: optimizer; sample: Spiral playground");
        register("E3", "Regularisation", "the Setup page: l1, l2, patience; sample: a small Keras-style CNN");
        register("E4", "Data handling", "the Setup page: data, validation, split");
        register("F4", "Convolutional networks", "samples: Handwritten digits: LeNet-5, a small Keras-style CNN");
        register("F5", "Classic architectures", "sample: Handwritten digits: LeNet-5 (its summary table)");
        register("G1", "Autoencoders", "the Generative tab: Autoencoder; sample: Autoencoder: squeezing digits "
                + "through 32 numbers");
        register("G2", "Generative models", "the Generative tab: VAE and GAN; samples: Variational autoencoder, "
                + "GAN: learning the ring (.bpgan files open there)");
    }

    private Lessons() {
    }

    /** Adds a lesson (once). */
    public static void register(String topic, String title, String where) {
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("a curriculum topic id is a letter and a number like B1, not '"
                    + topic + "'");
        }
        ALL.add(new Lesson(topic, title, where));
    }

    /** Every lesson by topic (A1, A2, …, B1, …, then B10 after B9), in registration order within a topic. */
    public static List<Lesson> inCurriculumOrder() {
        List<Lesson> out = new ArrayList<>(ALL);
        out.sort(Comparator.comparing((Lesson l) -> l.topic().charAt(0)).thenComparingInt(l -> number(l.topic())));
        return out;
    }

    private static int number(String topic) {
        Matcher m = TOPIC.matcher(topic);
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }
}
