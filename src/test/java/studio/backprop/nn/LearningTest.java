package studio.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Tape;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.Pool2dOp;
import studio.backprop.nn.layers.Conv2D;
import studio.backprop.nn.layers.Dense;
import studio.backprop.nn.layers.Flatten;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.nn.layers.Padding;
import studio.backprop.nn.layers.Pooling2D;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** End to end: small seeded networks, trained with plain full-batch gradient descent, learn their tasks. */
class LearningTest {

    /** Seeds whose initial weights lead out of the start (with some seeds XOR stalls in a local minimum). */
    private static final long XOR_SEED = 2;
    private static final long CNN_SEED = 8;

    @Test
    void aTwoTwoOneSigmoidNetworkLearnsXor() {
        Network net = Network.builder(2)
                .add(new Dense("hidden", 2, Activation.SIGMOID))
                .add(new Dense("out", 1, Activation.SIGMOID))
                .build();
        net.build(new Rng(XOR_SEED));
        Tensor x = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor t = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);
        Variable prediction = net.forward(Variable.constant(x, "x"), ForwardContext.inference());
        Variable loss = prediction.sub(Variable.constant(t, "t")).square().mean();
        train(loss, net, 1.0f, 4000);

        assertTrue(loss.value().item() < 0.05f, "final loss " + loss.value().item());
        float[] p = PlainSgd.predict(net, x).toArray();
        for (int i = 0; i < 4; i++) {
            assertEquals(t.buffer()[i], p[i] > 0.5f ? 1f : 0f, "XOR of sample " + i + " (output " + p[i] + ")");
        }
    }

    @Test
    void softmaxRegressionSeparatesThreeGaussianBlobs() {
        float[][] centres = {{-2f, 0f}, {2f, 0f}, {0f, 3f}};
        Rng rng = new Rng(2);
        Tensor train = Tensor.zeros(150, 2);
        int[] trainLabels = blobs(train, centres, rng);
        Tensor test = Tensor.zeros(150, 2);
        int[] testLabels = blobs(test, centres, rng);

        Network net = Network.builder(2).add(new Dense("logits", 3, Activation.LINEAR)).build();
        net.build(new Rng(3));
        Variable logits = net.forward(Variable.constant(train, "x"), ForwardContext.inference());
        Variable loss = logits.softmaxCrossEntropy(Variable.constant(PlainSgd.oneHot(trainLabels, 3), "t"));
        float before = loss.value().item();
        train(loss, net, 0.5f, 200);

        assertTrue(loss.value().item() < 0.3f * before, "loss " + before + " → " + loss.value().item());
        double accuracy = PlainSgd.accuracy(PlainSgd.predict(net, test), testLabels);
        assertTrue(accuracy > 0.95, "held-out accuracy " + accuracy);
    }

    @Test
    void aSmallCnnTellsHorizontalFromVerticalBars() {
        Rng data = new Rng(4);
        Bars train = Bars.generate(160, 8, 0.25, data);
        Bars test = Bars.generate(200, 8, 0.25, data);
        Network net = smallCnn();
        net.build(new Rng(CNN_SEED));
        Variable logits = net.forward(Variable.constant(train.images(), "x"), ForwardContext.inference());
        Variable loss = logits.softmaxCrossEntropy(Variable.constant(PlainSgd.oneHot(train.labels(), 2), "t"));
        train(loss, net, 0.5f, 150);

        double accuracy = PlainSgd.accuracy(PlainSgd.predict(net, test.images()), test.labels());
        assertTrue(accuracy > 0.95, "held-out accuracy " + accuracy + ", training loss " + loss.value().item());
    }

    /** Conv2D 4 filters 3×3 → ReLU → max pool 2 → Flatten → Dense 2 (logits), for 8×8×1 images. */
    static Network smallCnn() {
        return Network.builder(8, 8, 1)
                .add(new Conv2D("conv", 4, 3, 1, Padding.VALID, Activation.RELU))
                .add(new Pooling2D("pool", Pool2dOp.Kind.MAX, 2))
                .add(new Flatten("flat"))
                .add(new Dense("logits", 2, Activation.LINEAR))
                .build();
    }

    /** Full-batch gradient descent by replaying the recorded graph: backward, update, forward again. */
    static void train(Variable loss, Network net, float learningRate, int steps) {
        Tape tape = Tape.record(loss);
        for (int i = 0; i < steps; i++) {
            tape.backward();
            PlainSgd.step(net.trainableParameters(), learningRate);
            tape.forward();
        }
    }

    private static int[] blobs(Tensor points, float[][] centres, Rng rng) {
        int n = points.dim(0);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % centres.length;
            labels[i] = k;
            points.set(centres[k][0] + (float) (0.5 * rng.nextGaussian()), i, 0);
            points.set(centres[k][1] + (float) (0.5 * rng.nextGaussian()), i, 1);
        }
        return labels;
    }
}
