package studio.backprop.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import studio.backprop.tensor.Shapes;

/**
 * Compiles a {@link GanDocument}: each network through {@link DocumentCompiler} (so every layer check applies),
 * then what joins them: the generator's output must be one sample, the discriminator must end in one logit, and a
 * conditional GAN needs vector samples and a data source with classes. Never throws for a bad document.
 */
public final class GanCompiler {

    private GanCompiler() {
    }

    public static GanCompilation compile(GanDocument doc) {
        List<Problem> problems = new ArrayList<>();
        GanSettings settings = settings(doc, problems);
        int classes = settings == null ? 0 : settings.conditionalClasses();
        int[] sample = doc.sampleShape();
        if (classes > 0 && sample.length != 1) {
            problems.add(Problem.error("rule", "a conditional GAN appends the one-hot label to each sample, which "
                    + "needs vector samples; the samples are " + Shapes.str(sample) + ". Flatten them (sample = "
                    + Arrays.stream(sample).reduce(1, (a, b) -> a * b) + ") or set conditional = false"));
            classes = 0;
        }
        int[] discriminatorInput = sample.length == 1 ? new int[] {sample[0] + classes} : sample;
        Compilation g = DocumentCompiler.compile(network(doc, "generator", new int[] {doc.latent() + classes},
                doc.generatorLayers(), doc.generatorOptimizer(), "mse"));
        Compilation d = DocumentCompiler.compile(network(doc, "discriminator", discriminatorInput,
                doc.discriminatorLayers(), doc.discriminatorOptimizer(), "binary_cross_entropy_from_logits"));
        for (LayerSpec layer : doc.discriminatorLayers()) {
            if (doc.generatorLayers().stream().anyMatch(l -> l.name().equals(layer.name()))) {
                problems.add(Problem.error("discriminator/" + layer.name(), "the layer name '" + layer.name()
                        + "' is used by both the generator and the discriminator; give each layer its own name (the "
                        + "step records and the saved networks name every weight after its layer)"));
            }
        }
        prefixed("generator", g, problems);
        prefixed("discriminator", d, problems);
        if (g.network() != null && g.shapes().ok() && !Arrays.equals(g.network().outputShape(), sample)) {
            problems.add(Problem.error("generator", "the generator's last layer gives " + Shapes.str(g.network()
                    .outputShape()) + ", but a sample is " + Shapes.str(sample) + "; its output must be one sample"));
        }
        if (d.network() != null && d.shapes().ok() && !Arrays.equals(d.network().outputShape(), new int[] {1})) {
            problems.add(Problem.error("discriminator", "the discriminator's last layer gives " + Shapes.str(d
                    .network().outputShape()) + "; it must give one number, the logit of 'real' (units = 1)"));
        }
        if (!doc.discriminatorLayers().isEmpty()) {
            LayerSpec last = doc.discriminatorLayers().get(doc.discriminatorLayers().size() - 1);
            String activation = last.settings().getOrDefault("activation", "linear").trim();
            if (last.type().equals("Dense") && !activation.equals("linear")) {
                problems.add(Problem.error("discriminator", "the discriminator's last layer '" + last.name()
                        + "' has activation " + activation + "; it must be linear: the rule applies the sigmoid "
                        + "inside its losses, where it is exact"));
            }
        }
        return new GanCompilation(doc, g, d, settings, TrainingPlan.read(doc.training(), problems), problems);
    }

    private static GanSettings settings(GanDocument doc, List<Problem> problems) {
        ComponentSpec rule = doc.rule();
        if (!rule.type().equals("gan")) {
            problems.add(Problem.error("rule", "[rule " + rule.type() + "]: a GAN file trains with [rule gan]"));
            return null;
        }
        int before = problems.size();
        TrainingPlan.Reader r = new TrainingPlan.Reader(rule, problems, "rule");
        int k = r.integer("k", 1, 1, 100);
        String lossText = rule.get("generator_loss", "non_saturating").trim().toLowerCase(Locale.ROOT);
        GanSettings.GeneratorLoss loss = GanSettings.GeneratorLoss.byId(lossText);
        if (loss == null) {
            problems.add(Problem.error("rule", "generator_loss: '" + lossText + "' is not "
                    + String.join(" or ", GanSettings.GeneratorLoss.ids())));
        }
        boolean conditional = r.bool("conditional", false);
        r.rejectUnknown("k", "generator_loss", "conditional");
        int classes = 0;
        if (conditional) {
            classes = doc.dataClasses();
            if (classes == 0) {
                problems.add(Problem.error("rule", "conditional = true needs labelled data: [data ring], "
                        + "[data two_moons], [data grid], [data line] or [data mnist]; the data is [data "
                        + doc.data().type() + "]"));
            }
        }
        return problems.size() > before ? null : new GanSettings(doc.latent(), k, loss, classes);
    }

    private static NetworkDocument network(GanDocument doc, String role, int[] input, List<LayerSpec> layers,
                                           ComponentSpec optimizer, String loss) {
        return NetworkDocument.empty(doc.name() + " (" + role + ")", input).withLayers(layers)
                .withOptimizer(optimizer).withLoss(ComponentSpec.of(loss)).withTraining(doc.training());
    }

    private static void prefixed(String role, Compilation c, List<Problem> problems) {
        for (Problem p : c.problems()) {
            if (p.subject().equals("training") || p.subject().equals("data")) {
                continue; // the GAN's own plan and data are checked once, below and when resolved
            }
            String message = role + ": " + p.message();
            problems.add(p.error() ? Problem.error(role + "/" + p.subject(), message)
                    : Problem.warning(role + "/" + p.subject(), message));
        }
    }
}
