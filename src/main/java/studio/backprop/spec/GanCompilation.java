package studio.backprop.spec;

import java.util.List;

/**
 * What compiling a GAN document produced: each network's own compilation (its layers, shapes and optimiser), the
 * rule's settings (null when they could not be read), the training plan, and every problem in words.
 */
public record GanCompilation(GanDocument document, Compilation generator, Compilation discriminator,
                             GanSettings settings, TrainingPlan plan, List<Problem> problems) {

    public GanCompilation {
        problems = List.copyOf(problems);
    }

    /** True when nothing stops training (warnings allowed). */
    public boolean trainable() {
        return settings != null && generator.network() != null && discriminator.network() != null
                && generator.optimizer() != null && discriminator.optimizer() != null
                && problems.stream().noneMatch(Problem::error);
    }

    /** Every error in one paragraph; empty when training is possible. */
    public String whyNotTrainable() {
        return String.join("\n", problems.stream().filter(Problem::error).map(Problem::message).toList());
    }
}
