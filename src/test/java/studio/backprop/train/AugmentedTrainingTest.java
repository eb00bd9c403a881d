package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.kernels.KernelPool;
import studio.backprop.nn.Parameter;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.spec.Problem;
import studio.backprop.tensor.Tensor;

/** [training] augment_shift / augment_rotation / augment_noise change each training batch of images on the fly. */
class AugmentedTrainingTest {

    private static final String DIGITS = """
            backprop-studio network 1
            input = 28x28x1

            [layer flat]
            type = Flatten

            [layer out]
            type = Dense
            units = 10
            activation = softmax

            [loss categorical_cross_entropy]

            [optimizer sgd]
            learning_rate = 0.1

            [training]
            batch_size = 16
            epochs = 2
            seed = 5
            validation = 0.25
            %s

            [data mnist]
            count = 64
            """;

    private static NetworkDocument doc(String augment) throws Exception {
        return DocumentFormat.read(DIGITS.formatted(augment), "digits.bps");
    }

    private static TrainingLoop loop(NetworkDocument d) {
        Compilation c = Fixtures.compile(d);
        TrainingData data = DataResolver.resolve(d, Path.of("."), true, c.network().outputShape());
        return new TrainingLoop(c, data);
    }

    private static float[] weightsAfter(TrainingLoop loop, int steps) {
        for (int i = 0; i < steps; i++) {
            loop.stepBatch();
        }
        return loop.network().parameters().stream().filter(p -> p.role().equals("kernel")).findFirst()
                .map(Parameter::value).map(Tensor::toArray).orElseThrow();
    }

    private static final String AUGMENT = "augment_shift = 2\naugment_rotation = 10\naugment_noise = 0.05";

    @Test
    void theSameSeedGivesTheSameAugmentedRunAndItDiffersFromThePlainRun() throws Exception {
        float[] once = weightsAfter(loop(doc(AUGMENT)), 5);
        float[] again = weightsAfter(loop(doc(AUGMENT)), 5);
        float[] plain = weightsAfter(loop(doc("")), 5);
        assertArrayEquals(once, again);
        assertFalse(java.util.Arrays.equals(once, plain), "augmentation changed what the network learned from");
    }

    @Test
    void theBatchTheNetworkSeesIsChangedButTheDataAndTheValidationSetAreNot() throws Exception {
        TrainingLoop loop = loop(doc(AUGMENT));
        float[] train = loop.data().trainX().toArray();
        float[] valid = loop.data().validX().toArray();
        loop.setRecording(true);
        loop.stepBatch();
        StepRecord r = loop.lastRecord();
        float[] seen = r.nodes().stream().filter(n -> n.kind() == StepRecord.Kind.DATA && n.name().equals("input"))
                .findFirst().orElseThrow().value().values();
        int[] samples = loop.lastSamples();
        int size = 28 * 28;
        float[] original = new float[samples.length * size];
        for (int i = 0; i < samples.length; i++) {
            System.arraycopy(train, samples[i] * size, original, i * size, size);
        }
        assertFalse(java.util.Arrays.equals(original, seen), "the step's input was augmented");
        loop.stepEpoch();
        assertArrayEquals(train, loop.data().trainX().toArray(), "the training data itself is untouched");
        assertArrayEquals(valid, loop.data().validX().toArray(), "validation is never augmented");
    }

    @Test
    void aStepGivesTheSameImagesAfterAResetAndWithAnyThreadCount() throws Exception {
        int before = KernelPool.threads();
        try {
            KernelPool.setThreads(1);
            float[] one = weightsAfter(loop(doc(AUGMENT)), 6);
            KernelPool.setThreads(2);
            TrainingLoop two = loop(doc(AUGMENT));
            float[] first = weightsAfter(two, 6);
            two.reset();
            assertArrayEquals(one, first, "1 thread and 2 threads");
            assertArrayEquals(first, weightsAfter(two, 6), "after a reset");
        } finally {
            KernelPool.setThreads(before);
        }
    }

    @Test
    void augmentationIsRefusedInWordsForDataThatIsNotImages() throws Exception {
        String text = DIGITS.formatted("augment_shift = 2").replace("input = 28x28x1", "input = 784")
                .replace("[layer flat]\ntype = Flatten\n\n", "");
        List<String> errors = DocumentCompiler.compile(DocumentFormat.read(text, "flat.bps")).errors().stream()
                .map(Problem::message).toList();
        assertTrue(errors.stream().anyMatch(m -> m.contains("augmentation shifts, rotates and noises images, but "
                + "this network reads 784 numbers, not an image") && m.contains("set them to 0")), errors.toString());
    }

    @Test
    void badAugmentationValuesAreRefusedInWords() throws Exception {
        List<String> errors = DocumentCompiler.compile(doc("augment_shift = -1\naugment_rotation = 400\n"
                + "augment_noise = lots")).errors().stream().map(Problem::message).toList();
        assertEquals(List.of("augment_shift: -1 must be at least 0", "augment_rotation: 400 must be between 0 and 180",
                "augment_noise: 'lots' is not a number"), errors);
    }
}
