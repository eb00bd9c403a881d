package studio.backprop.spec;

import java.util.List;
import java.util.Map;

/**
 * A GAN file: two networks in one document (the generator, read from codes z, and the discriminator, read from
 * samples), each with its own layers and optimiser, the GAN step rule's settings, one training plan and one data
 * source for the real samples. Immutable, like {@link NetworkDocument}; {@link GanFormat} reads and writes it.
 *
 * @param latent      the size of the noise z the generator starts from
 * @param sampleShape the shape of one real sample (the generator's output, the discriminator's input)
 * @param rule        the {@code [rule gan]} settings: k, generator_loss, conditional
 */
public record GanDocument(String name, String description, int latent, int[] sampleShape,
                          List<LayerSpec> generatorLayers, List<LayerSpec> discriminatorLayers,
                          ComponentSpec generatorOptimizer, ComponentSpec discriminatorOptimizer, ComponentSpec rule,
                          ComponentSpec training, ComponentSpec data) {

    /** The current version of the GAN file format. */
    public static final int FORMAT_VERSION = 1;

    /** How many classes each data source has, for a conditional GAN. */
    static final Map<String, Integer> CLASSES = Map.of("ring", 4, "two_moons", 2, "grid", 9, "line", 2, "mnist", 10);

    public GanDocument {
        sampleShape = sampleShape.clone();
        generatorLayers = List.copyOf(generatorLayers);
        discriminatorLayers = List.copyOf(discriminatorLayers);
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** Whether the class label is fed to both networks. */
    public boolean conditional() {
        return rule.get("conditional", "false").trim().equals("true");
    }

    /** The number of classes the data source has (0 when unknown). */
    public int dataClasses() {
        return CLASSES.getOrDefault(data.type(), 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GanDocument d && GanFormat.write(this).equals(GanFormat.write(d));
    }

    @Override
    public int hashCode() {
        return GanFormat.write(this).hashCode();
    }
}
