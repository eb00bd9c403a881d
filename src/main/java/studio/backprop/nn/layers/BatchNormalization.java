package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.BatchNormOp;
import studio.backprop.autograd.ops.BatchVariance;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.init.Initializer;

/**
 * Batch normalisation of the last axis (the features of a dense layer, the channels of an image):
 * y = γ·(x − μ)/√(σ² + ε) + β with the batch's μ and biased σ² (divided by m) in training and the running
 * averages at inference. {@link BatchVariance} chooses the unbiased s² = σ²·m/(m − 1) for the running estimate
 * only (PyTorch) or for both (worked example 12's switch). Parameters: γ and β (trainable), running mean and variance (non-trainable).
 */
public final class BatchNormalization extends AbstractLayer {

    private final float epsilon;
    private final float momentum;
    private final BatchVariance variance;

    /** With {@code unbiased}: the running estimate keeps the unbiased variance, the batch is normalised biased. */
    public BatchNormalization(String name, float epsilon, float momentum, boolean unbiased) {
        this(name, epsilon, momentum, unbiased ? BatchVariance.UNBIASED : BatchVariance.BIASED);
    }

    public BatchNormalization(String name, float epsilon, float momentum, BatchVariance variance) {
        super(name);
        if (!(epsilon > 0f) || !(momentum >= 0f && momentum < 1f)) {
            throw new LayerShapeException(name, "BatchNormalization '" + name + "': ε must be positive and the "
                    + "momentum in [0, 1), got ε " + epsilon + ", momentum " + momentum);
        }
        this.epsilon = epsilon;
        this.momentum = momentum;
        this.variance = variance;
    }

    /** ε = 1e-5, momentum 0.99, biased variance (the course defaults). */
    public BatchNormalization(String name) {
        this(name, 1e-5f, 0.99f, false);
    }

    @Override
    public String type() {
        return "BatchNormalization";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        int[] in = inputShapes.get(0);
        if (in.length == 0) {
            throw new LayerShapeException(name(), "BatchNormalization '" + name() + "' needs at least one axis");
        }
        return in.clone();
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        int[] in = outputShape(inputShapes);
        int[] c = {in[in.length - 1]};
        Initializer one = Initializer.constant(1);
        return List.of(new ParamSpec("gamma", c, true, one), new ParamSpec("beta", c, true, Initializer.zeros()),
                new ParamSpec("moving_mean", c, false, Initializer.zeros()),
                new ParamSpec("moving_variance", c, false, one));
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        BatchNormOp op = new BatchNormOp(built("moving_mean").value(), built("moving_variance").value(), epsilon,
                momentum, variance, context.training());
        return Variable.apply(op, inputs.get(0), param("gamma"), param("beta"));
    }

    @Override
    public String describe() {
        return "ε " + epsilon + ", momentum " + momentum + (variance == BatchVariance.BIASED ? "" : ", variance " + variance.id());
    }
}
