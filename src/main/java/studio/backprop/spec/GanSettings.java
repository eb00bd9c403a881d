package studio.backprop.spec;

import java.util.List;

/**
 * How a GAN is trained, from the file's {@code [rule gan]} section: the latent size (the generator's noise input),
 * k discriminator steps for every generator step, the generator's loss, and the number of classes whose one-hot
 * label is fed to both networks (0: not conditional).
 */
public record GanSettings(int latent, int discriminatorSteps, GeneratorLoss generatorLoss, int conditionalClasses) {

    /** The generator's objective. */
    public enum GeneratorLoss {
        /** Minimise log(1 − D(G(z))), the game's own value; its gradient vanishes while D wins easily. */
        MINIMAX("minimax"),
        /** Maximise log D(G(z)) instead (minimise −log D(G(z))): the same fixed point, strong early gradients. */
        NON_SATURATING("non_saturating");

        private final String id;

        GeneratorLoss(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The loss of this id, or null. */
        public static GeneratorLoss byId(String id) {
            for (GeneratorLoss l : values()) {
                if (l.id.equals(id)) {
                    return l;
                }
            }
            return null;
        }

        public static List<String> ids() {
            return List.of(MINIMAX.id, NON_SATURATING.id);
        }
    }

    public GanSettings {
        if (latent < 1 || discriminatorSteps < 1 || conditionalClasses < 0 || generatorLoss == null) {
            throw new IllegalArgumentException("GAN settings: latent and k must be at least 1, got latent " + latent
                    + ", k " + discriminatorSteps);
        }
    }

    public boolean conditional() {
        return conditionalClasses > 0;
    }
}
