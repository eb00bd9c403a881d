package studio.backprop.spec;

import static studio.backprop.spec.SettingSpec.decimal;
import static studio.backprop.spec.SettingSpec.integer;

import java.util.List;
import studio.backprop.nn.layers.GaussianNoise;
import studio.backprop.nn.layers.Reshape;
import studio.backprop.nn.layers.Sampling;
import studio.backprop.nn.layers.SparsityPenalty;

/** The layer types of generative networks (autoencoders, VAEs), kept beside the main catalog. */
final class GenerativeLayerTypes {

    private GenerativeLayerTypes() {
    }

    static List<LayerType> all() {
        return List.of(
                new LayerType("GaussianNoise", "Generative", "Adds noise N(0, σ²) to its input while training "
                        + "(a denoising autoencoder's corruption); passes it through unchanged otherwise.", List.of(
                        decimal("stddev", 0.3, 0, 100, "σ, the noise level")), 1, 1,
                        s -> new GaussianNoise(s.name(), (float) s.decimal("stddev"))),
                new LayerType("Sampling", "Generative", "A VAE's code: reads μ and log σ² (two layers of the same "
                        + "width) and gives z = μ + σ·ε while training, adding β·KL(N(μ, σ²) ‖ N(0, I)) to the loss; "
                        + "z = μ otherwise.", List.of(
                        decimal("kl_weight", 1, 0, 1000, "β, the weight of the KL term beside the reconstruction")),
                        2, 2, s -> new Sampling(s.name(), (float) s.decimal("kl_weight"))),
                new LayerType("SparsityPenalty", "Generative", "Passes a sigmoid code on and adds "
                        + "β·Σ KL(ρ ‖ ρ̂ⱼ) on each unit's mean activation ρ̂ⱼ to the loss (a sparse autoencoder).",
                        List.of(decimal("target", 0.05, 0.0001, 0.9999, "ρ, the wanted mean activation"),
                                decimal("weight", 0.1, 0, 1000, "β, the penalty's weight in the loss")), 1, 1,
                        s -> new SparsityPenalty(s.name(), s.decimal("target"), (float) s.decimal("weight"))),
                new LayerType("Reshape", "Core", "Reads the values as an image height × width × channels (the "
                        + "inverse of Flatten; a DCGAN generator's first step).", List.of(
                        integer("height", 7, 1, 65_536, "rows"), integer("width", 7, 1, 65_536, "columns"),
                        integer("channels", 1, 1, 65_536, "channels")), 1, 1,
                        s -> new Reshape(s.name(), s.integer("height"), s.integer("width"), s.integer("channels"))));
    }
}
