package studio.backprop.ui.lessons.generative;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import studio.backprop.data.TargetDistributions;
import studio.backprop.spec.GanCompiler;
import studio.backprop.spec.GanDocument;
import studio.backprop.spec.GanFormat;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.GanRule;
import studio.backprop.train.GanRun;
import studio.backprop.train.GanSessions;

/**
 * The GAN lesson's view model: a GAN on a 2-D target trained on a thread of its own (the networks are a few
 * hundred weights), driven by commands (play, pause, one D step, one G step, one round) and read through the latest
 * {@link GanFrame}. Slow motion takes one step every quarter second, so each update can be followed.
 *
 * <p>Threads: commands come from the JavaFX thread; the GAN, its run and the frames are made on the GAN thread.
 */
public final class GanLabModel {

    /** Grid cells per side of the discriminator heatmap. */
    static final int GRID = 48;
    /** Half the side of the plane shown. */
    static final double EXTENT = 2.0;
    private static final int SHOWN = 300;
    /** Generated digits shown for a GAN of digits: a 6 × 6 grid. */
    static final int SHOWN_DIGITS = 36;
    private static final int HISTORY = 2000;

    private final Path template;
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final BooleanProperty slowMotion = new SimpleBooleanProperty(false);
    private final ObjectProperty<String> target = new SimpleObjectProperty<>("ring");
    private final AtomicReference<GanFrame> latest = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Thread worker;
    private volatile boolean running = true;
    private volatile boolean play;
    private volatile boolean slow;
    // owned by the GAN thread
    private GanRun run;
    private volatile boolean digits;
    private int shown = SHOWN;
    private Tensor codes;
    private float[] dLosses = new float[0];
    private float[] gLosses = new float[0];
    private volatile String problem = "";
    /** Where the GAN shown came from, in words. */
    private volatile String source = "gan-ring.bpgan (the template)";
    /** The GAN the lesson trains (the template until a file is opened); its data type is the chosen target's. */
    private GanDocument base;

    /** @param template the GAN file the lesson starts from (its data section is replaced by the chosen target) */
    public GanLabModel(Path template) {
        this.template = template;
        playing.addListener((o, was, now) -> play = now);
        slowMotion.addListener((o, was, now) -> slow = now);
        target.addListener((o, was, now) -> commands.add(() -> load(now)));
        commands.add(() -> load(target.get()));
        worker = new Thread(this::loop, "gan-lab");
        worker.setDaemon(true);
        worker.start();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public BooleanProperty slowMotionProperty() {
        return slowMotion;
    }

    /** The target distribution: ring, two_moons, grid or line. Changing it starts again. */
    public ObjectProperty<String> targetProperty() {
        return target;
    }

    /** One discriminator step. */
    public void stepDiscriminator() {
        commands.add(() -> once(GanRule.Mode.DISCRIMINATOR_ONLY));
    }

    /** One generator step. */
    public void stepGenerator() {
        commands.add(() -> once(GanRule.Mode.GENERATOR_ONLY));
    }

    /** k discriminator steps and one generator step. */
    public void stepBoth() {
        commands.add(() -> {
            if (run == null) {
                return;
            }
            int k = run.rule().settings().discriminatorSteps();
            for (int i = 0; i <= k; i++) {
                step();
            }
            publish();
        });
    }

    /**
     * Trains this GAN from now on (fresh weights from its seed); for a GAN of points the target becomes its data
     * source. GANs of 2-D points and of the digits can be drawn; any other is refused in words, and the GAN shown
     * stays (as it does when this one cannot be prepared: {@link #problem()} then says why).
     *
     * @param sourceName the file it was read from, for the page to show once it is taken
     * @return the refusal, or null when the GAN is taken
     */
    public String open(GanDocument doc, String sourceName) {
        int[] sample = doc.sampleShape();
        boolean points = sample.length == 1 && sample[0] == 2 && TargetDistributions.NAMES.contains(doc.data().type());
        if (!points && !digitsOf(doc)) {
            return "'" + doc.name() + "' makes samples of shape " + studio.backprop.tensor.Shapes.str(sample)
                    + " from [data " + doc.data().type() + "]; this page draws GANs of 2-D points (sample = 2) on "
                    + String.join(", ", TargetDistributions.NAMES) + ", and GANs of the digits (784 values, [data "
                    + "mnist]). Train it on the command line: backprop train FILE.bpgan";
        }
        commands.add(() -> {
            GanDocument before = base;
            base = doc;
            if (load(doc.data().type())) {
                source = sourceName;
            } else {
                base = before;
            }
        });
        return null;
    }

    /** Whether the GAN makes digits: 784 values a sample, from the MNIST sample. */
    static boolean digitsOf(GanDocument doc) {
        return java.util.Arrays.stream(doc.sampleShape()).reduce(1, (a, b) -> a * b) == LessonDigits.PIXELS
                && doc.data().type().equals("mnist");
    }

    /** Fresh weights from the seed. */
    public void reset() {
        commands.add(() -> load(target.get()));
    }

    /** The latest frame, or null before the first. */
    public GanFrame frame() {
        return latest.get();
    }

    /** Why the GAN could not be prepared, or empty. */
    public String problem() {
        return problem;
    }

    /** Stops the GAN thread. */
    public void close() {
        running = false;
        worker.interrupt();
    }

    /** Runs queued commands and, while playing, steps; a problem stops playing and is kept in words. */
    private void loop() {
        while (running) {
            Runnable command;
            try {
                while ((command = commands.poll()) != null) {
                    command.run();
                }
                if (play && run != null) {
                    int steps = slow || digits ? 1 : 20; // a step of a GAN of digits takes a while
                    for (int i = 0; i < steps; i++) {
                        step();
                    }
                    publish();
                }
            } catch (RuntimeException e) {
                problem = "training stopped: " + e.getMessage();
                play = false;
            }
            try {
                Thread.sleep(play && slow ? 250 : play ? 5 : 20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void once(GanRule.Mode mode) {
        if (run == null) {
            return;
        }
        run.rule().setMode(mode);
        step();
        run.rule().setMode(GanRule.Mode.BOTH);
        publish();
    }

    private void step() {
        run.step();
        GanRule rule = run.rule();
        if (rule.lastPhase() == GanRule.Phase.DISCRIMINATOR) {
            dLosses = append(dLosses, rule.discriminatorLoss());
        } else {
            gLosses = append(gLosses, rule.generatorLoss());
        }
    }

    private static float[] append(float[] values, float v) {
        float[] out = values.length < HISTORY ? Arrays.copyOf(values, values.length + 1)
                : Arrays.copyOfRange(values, 1, values.length + 1);
        out[out.length - 1] = v;
        return out;
    }

    /** Prepares the base GAN (with this target for a GAN of points); false, keeping the run shown, if it fails. */
    private boolean load(String name) {
        try {
            if (base == null) {
                base = GanFormat.read(Files.readString(template), template.getFileName().toString());
            }
            boolean ofDigits = digitsOf(base);
            GanDocument doc = ofDigits ? base : new GanDocument(base.name(), base.description(), base.latent(),
                    base.sampleShape(), base.generatorLayers(), base.discriminatorLayers(), base.generatorOptimizer(),
                    base.discriminatorOptimizer(), base.rule(), base.training(), base.data().withType(name));
            GanRun next = GanSessions.prepare(GanCompiler.compile(doc));
            digits = ofDigits;
            shown = ofDigits ? SHOWN_DIGITS : SHOWN;
            run = next;
            codes = run.codes(shown, 99);
            dLosses = new float[0];
            gLosses = new float[0];
            problem = "";
            publish();
            return true;
        } catch (Exception e) {
            problem = "the GAN could not be prepared: " + e.getMessage();
            return false;
        }
    }

    private void publish() {
        if (digits) {
            publishDigits();
            return;
        }
        GanRule rule = run.rule();
        Tensor fake = rule.generate(codes);
        Tensor labels = labelsOf(codes, rule.settings());
        float[] arrows = rule.generatorGradientArrows(fake, labels).toArray();
        float[] grid = new float[GRID * GRID * 2];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                int at = 2 * (r * GRID + c);
                grid[at] = (float) (-EXTENT + 2 * EXTENT * (c + 0.5) / GRID);
                grid[at + 1] = (float) (EXTENT - 2 * EXTENT * (r + 0.5) / GRID);
            }
        }
        float[] probability = verdicts(rule, Tensor.of(grid, GRID * GRID, 2));
        float[] real = Arrays.copyOf(run.real().toArray(), Math.min(run.real().size(), 2 * SHOWN));
        String phase = rule.lastPhase() == null ? "start" : rule.lastPhase() == GanRule.Phase.DISCRIMINATOR
                ? "discriminator step" : "generator step";
        latest.set(new GanFrame(run.steps(), phase, real, fake.toArray(), arrows, GRID, EXTENT, probability,
                dLosses.clone(), gLosses.clone()));
    }

    /** The one-hot labels at the end of each code (N, classes) of a conditional GAN; null otherwise. */
    private static Tensor labelsOf(Tensor codes, studio.backprop.spec.GanSettings settings) {
        int classes = settings.conditionalClasses();
        if (classes == 0) {
            return null;
        }
        int n = codes.dim(0);
        int width = codes.dim(1);
        float[] out = new float[n * classes];
        for (int i = 0; i < n; i++) {
            System.arraycopy(codes.buffer(), i * width + settings.latent(), out, i * classes, classes);
        }
        return Tensor.of(out, n, classes);
    }

    /** D's probability of "real" at each point; for a conditional GAN the mean over the classes it is told. */
    private static float[] verdicts(GanRule rule, Tensor points) {
        int classes = rule.settings().conditionalClasses();
        if (classes == 0) {
            return rule.discriminate(points).toArray();
        }
        int n = points.dim(0);
        float[] mean = new float[n];
        for (int c = 0; c < classes; c++) {
            float[] oneHot = new float[n * classes];
            for (int i = 0; i < n; i++) {
                oneHot[i * classes + c] = 1f;
            }
            float[] p = rule.discriminate(points, Tensor.of(oneHot, n, classes)).toArray();
            for (int i = 0; i < n; i++) {
                mean[i] += p[i] / classes;
            }
        }
        return mean;
    }

    /** Generated digits for fixed codes, D's verdict on each, and as many real digits. */
    private void publishDigits() {
        GanRule rule = run.rule();
        Tensor fake = rule.generate(codes);
        float[] probability = rule.discriminate(fake, labelsOf(codes, rule.settings())).toArray();
        // the first digits only: the whole set is millions of values
        float[] real = Arrays.copyOf(run.real().buffer(), Math.min(run.real().size(), shown * LessonDigits.PIXELS));
        latest.set(new GanFrame(run.steps(), phaseWords(rule), real, fake.toArray(), new float[0], 0, 0, probability,
                dLosses.clone(), gLosses.clone()));
    }

    private static String phaseWords(GanRule rule) {
        return rule.lastPhase() == null ? "start" : rule.lastPhase() == GanRule.Phase.DISCRIMINATOR
                ? "discriminator step" : "generator step";
    }

    /** The file the GAN shown was read from: "gan-ring.bpgan (the template)" until another is opened. */
    public String source() {
        return source;
    }

    /** Whether the GAN being trained makes digits (the target cannot be chosen then). */
    public boolean digits() {
        return digits;
    }
}
