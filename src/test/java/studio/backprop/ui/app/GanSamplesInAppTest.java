package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GAN samples have a title, a line, a teaching text and a thumbnail (generator, then discriminator). */
class GanSamplesInAppTest {

    private static final List<String> GANS = List.of("gan-ring.bpgan", "cgan-two-moons.bpgan", "dcgan-digits.bpgan");

    @Test
    void everyGanSampleIsKnownToTheGalleryWithItsTeachingText() {
        for (String name : GANS) {
            Path sample = Path.of("samples", name);
            assertTrue(GanFiles.named(sample));
            assertTrue(SampleCatalog.knows(sample), name);
            assertTrue(TeachingText.ofSample(sample).isPresent(), name);
        }
        assertEquals("GAN: learning the ring", SampleCatalog.title(Path.of("samples", "gan-ring.bpgan")));
    }

    @Test
    void theThumbnailDrawsTheGeneratorThenTheDiscriminator() {
        List<SampleThumbnail.Column> columns = SampleThumbnail.columns(Path.of("samples", "gan-ring.bpgan"));
        assertEquals(List.of(2L, 16L, 16L, 2L, 16L, 16L, 1L), columns.stream().map(SampleThumbnail.Column::size)
                .toList());
        assertEquals("input", columns.get(0).kind());
    }
}
