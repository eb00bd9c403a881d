package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.NormalNoise;
import studio.backprop.nn.LayerShapeException;

/**
 * The corruption of a denoising autoencoder: in training y = x + σ·ε with ε ~ N(0, 1) drawn afresh for every
 * batch from the run's seeded generator; at inference y = x. The targets stay the clean inputs, so the network
 * learns to undo the noise.
 */
public final class GaussianNoise extends AbstractLayer {

    private float stddev;

    public GaussianNoise(String name, float stddev) {
        super(name);
        this.stddev = checked(name, stddev);
    }

    private static float checked(String name, float stddev) {
        if (!(stddev >= 0f && Float.isFinite(stddev))) {
            throw new LayerShapeException(name, "GaussianNoise '" + name + "': stddev must be 0 or more, got "
                    + stddev);
        }
        return stddev;
    }

    /** σ of the noise of later forward passes. */
    public float stddev() {
        return stddev;
    }

    /** Changes σ for later recorded passes (a recorded tape keeps the σ it was recorded with). */
    public void setStddev(float newStddev) {
        stddev = checked(name(), newStddev);
    }

    @Override
    public String type() {
        return "GaussianNoise";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        return inputShapes.get(0).clone();
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return List.of();
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable x = inputs.get(0);
        if (!context.training() || stddev == 0f) {
            return x;
        }
        Variable eps = Variable.apply(new NormalNoise(context.rng()), x);
        return x.add(eps.mul(stddev));
    }

    @Override
    public String describe() {
        return "σ " + stddev + " (training only)";
    }
}
