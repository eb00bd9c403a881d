package studio.backprop.nn.optim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.autograd.Variable;
import studio.backprop.kernels.GradientStep;
import studio.backprop.tensor.Tensor;

/**
 * A gradient-descent rule. After the whole backward pass (mini-batch gradients are already means over the batch,
 * which is the loss's job), {@link #step(List)} moves every parameter that received a gradient.
 *
 * <p>One step, in this order, for each parameter θ with gradient ∇ (parameters whose {@code grad()} is null are
 * skipped and their state left as it is):
 * <ol>
 *   <li>η ← schedule(t), where t = {@link #stepCount()} counts the steps already completed, so the first update
 *       uses η(0).</li>
 *   <li>Clipping by norm, when a threshold c is set: with ‖∇‖ the Euclidean norm of all the step's gradients
 *       together, every ∇ is scaled by min(1, c/‖∇‖), so the direction stays and the length is at most c.</li>
 *   <li>Penalty gradient: g = ∇ + λ₁·sign(θ) + 2λ₂·θ (see {@link Penalty}). The parameter's {@code grad()} is
 *       read, never changed.</li>
 *   <li>Moments: the rule updates its buffers from g and gives its step Δ (see each subclass).</li>
 *   <li>Update and decoupled weight decay together: θ ← θ + Δ − η·λ_wd·θ_old, where θ_old is θ before this step
 *       (as in AdamW: the decay bypasses the moments; λ_wd = 0 switches it off).</li>
 *   <li>t ← t + 1, once per call, whether or not any parameter had a gradient.</li>
 * </ol>
 *
 * <p>State is kept per parameter <em>name</em> (names must be unique among the parameters of one step), so a
 * network rebuilt from a session file picks up its imported state. Buffers are allocated the first time a
 * parameter is seen; after that a step allocates nothing and loops over the float arrays directly. Each element
 * is computed in double and stored as float32.
 *
 * <p>Not thread-safe; the trainer calls it from one thread between passes.
 */
public abstract class Optimizer {

    /** η(t): the learning rate, constant or scheduled. */
    private LearningRateSchedule schedule;
    /** λ₁ and λ₂ of the penalty added to the gradient. */
    private Penalty penalty = Penalty.NONE;
    /** λ_wd of decoupled weight decay; 0 when off. */
    private double weightDecay;
    /** c of clipping by norm; 0 when off. */
    private double clipNorm;
    /** ‖∇‖ of the last step, before clipping. */
    private double lastGradientNorm;
    /** t: the number of completed steps. */
    private long step;
    /** Parameter name → its buffers, in the order the parameters were first seen. */
    private final Map<String, Slot> slots = new LinkedHashMap<>();

    protected Optimizer(double learningRate) {
        this.schedule = LearningRateSchedule.constant(Check.learningRate("the learning rate η", learningRate));
    }

    // ---------------------------------------------------------------- the rule, per subclass

    /** A stable name for the file format and the UI: "sgd", "adagrad", "rmsprop", "adam". */
    public abstract String kind();

    /** The names of the per-parameter buffers, in order, e.g. ["m", "v"]; empty for plain SGD. */
    public abstract List<String> bufferNames();

    /**
     * Whether this optimiser keeps the same kind of state as {@code other} (same kind, same per-parameter buffers),
     * so that a live change of its settings can carry {@code other}'s state over. Plain SGD and SGD with momentum
     * are one kind but not the same state: the velocity starts at zero when momentum is switched on.
     */
    public boolean keepsStateLike(Optimizer other) {
        return kind().equals(other.kind()) && bufferNames().equals(other.bufferNames());
    }

    /** The value a buffer starts at (AdaGrad's accumulator starts above zero). */
    protected float initialValue(int buffer) {
        return 0f;
    }

    /** Called once at the start of each step with t + 1, the number of this step counted from 1. */
    protected void beginStep(long stepNumber) {
    }

    /**
     * Updates element {@code i} of this parameter's buffers from the penalised gradient {@code g} and returns the
     * step Δ to add to θ (before decoupled decay).
     */
    protected abstract double delta(double g, float[][] buffers, int i, double learningRate);

    // ---------------------------------------------------------------- stepping

    /** One update of every parameter in {@code parameters} that has a gradient. */
    public final void step(List<Variable> parameters) {
        double eta = schedule.learningRate(step);
        double decay = eta * weightDecay;
        beginStep(step + 1);
        double scale = clipScale(parameters);
        for (int p = 0; p < parameters.size(); p++) {
            Variable parameter = parameters.get(p);
            Tensor grad = parameter.grad();
            if (grad != null) {
                update(parameter.value().buffer(), grad.buffer(), bind(parameter).buffers, eta, decay, scale);
            }
        }
        step++;
    }

    /** min(1, c/‖∇‖) over all gradients of the step, recording ‖∇‖; 1 when clipping is off. */
    private double clipScale(List<Variable> parameters) {
        if (clipNorm == 0) {
            return 1.0;
        }
        double squares = 0;
        for (Variable parameter : parameters) {
            if (parameter.grad() != null) {
                for (float g : parameter.grad().buffer()) {
                    squares += (double) g * g;
                }
            }
        }
        lastGradientNorm = Math.sqrt(squares);
        return lastGradientNorm > clipNorm ? clipNorm / lastGradientNorm : 1.0;
    }

    /**
     * Whether {@link #delta} is exactly −η·g with no buffers (plain SGD), so that {@link #step} may run that
     * arithmetic in one tight loop instead of a call per element. Same bits either way.
     */
    protected boolean plainGradientStep() {
        return false;
    }

    /**
     * Runs the whole update of one parameter in a kernel of its own when this optimiser has one for an unclipped,
     * unpenalised gradient, with exactly the bits of the loop over {@link #delta}; false when it has none.
     * Modified: θ and the buffers.
     */
    protected boolean updateInKernel(float[] theta, float[] grad, float[][] buffers, double eta, double decay) {
        return false;
    }

    private void update(float[] theta, float[] grad, float[][] buffers, double eta, double decay, double scale) {
        Penalty pen = penalty;
        boolean penalised = !pen.isNone();
        if (!penalised && plainGradientStep()) {
            // θ ← θ + (−η)·g − decay·θ in double, vectorised and split over the kernel pool (same bits);
            // a clipped step is the same with η·scale.
            GradientStep.apply(theta, grad, eta * scale, decay);
            return;
        }
        if (!penalised && scale == 1.0 && updateInKernel(theta, grad, buffers, eta, decay)) {
            return;
        }
        for (int i = 0; i < theta.length; i++) {
            double old = theta[i];
            double clipped = scale == 1.0 ? grad[i] : grad[i] * scale;
            double g = penalised ? clipped + pen.gradient(old) : clipped;
            double d = delta(g, buffers, i, eta);
            theta[i] = (float) (old + d - decay * old);
        }
    }

    /** The buffers of this parameter, created at first sight or rebound to a rebuilt parameter of the same name. */
    private Slot bind(Variable parameter) {
        String name = parameter.name();
        if (name == null) {
            throw new IllegalArgumentException(kind() + ": every parameter needs a name, because optimiser state is"
                    + " kept by name");
        }
        int size = parameter.value().size();
        Slot slot = slots.get(name);
        if (slot == null) {
            slot = new Slot(bufferNames().size(), size);
            for (int b = 0; b < slot.buffers.length; b++) {
                Arrays.fill(slot.buffers[b], initialValue(b));
            }
            slot.owner = parameter;
            slot.shape = parameter.shape();
            slots.put(name, slot);
        } else if (slot.owner == parameter && slot.touchedAt == step) {
            throw new IllegalArgumentException(kind() + ": parameter '" + name + "' appears twice in the list;"
                    + " each parameter may be updated once per step");
        } else if (slot.owner != parameter) {
            if (slot.touchedAt == step) {
                throw new IllegalArgumentException(kind() + ": two different parameters are both named '" + name
                        + "'; parameter names must be unique, because optimiser state is kept by name");
            }
            if (slot.size >= 0 && slot.size != size) {
                throw new IllegalArgumentException(kind() + ": the state for parameter '" + name + "' holds "
                        + count(slot.size, "number") + " per buffer, but the parameter has " + count(size, "element")
                        + " (shape " + Arrays.toString(parameter.shape()) + ")");
            }
            // A first binding after import, or a network rebuilt with new parameter objects.
            slot.owner = parameter;
            slot.shape = parameter.shape();
            slot.size = size;
        }
        slot.touchedAt = step;
        return slot;
    }

    // ---------------------------------------------------------------- settings

    /** The learning rate the next step will use, η(t). */
    public double learningRate() {
        return schedule.learningRate(step);
    }

    /** Switches to a constant learning rate from the next step on (replaces any schedule). */
    public void setLearningRate(double learningRate) {
        schedule = LearningRateSchedule.constant(Check.learningRate(kind() + ": the learning rate η", learningRate));
    }

    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** Uses {@code schedule} from the next step on, evaluated at the current step count t. */
    public void setSchedule(LearningRateSchedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException(kind() + ": a learning-rate schedule is needed; use"
                    + " LearningRateSchedule.constant(η) for a fixed rate");
        }
        this.schedule = schedule;
    }

    public Penalty penalty() {
        return penalty;
    }

    /** The L1/L2 penalty whose gradient is added to ∇ before the moments (Penalty.NONE for none). */
    public void setPenalty(Penalty penalty) {
        if (penalty == null) {
            throw new IllegalArgumentException(kind() + ": a penalty is needed; use Penalty.NONE for none");
        }
        this.penalty = penalty;
    }

    /** λ_wd of decoupled weight decay θ ← θ − η·λ_wd·θ; 0 when off. */
    public double weightDecay() {
        return weightDecay;
    }

    public void setWeightDecay(double lambda) {
        this.weightDecay = Check.nonNegative(kind() + ": the decoupled weight decay λ_wd", lambda);
    }

    /** c of clipping by norm: the longest the step's gradients together may be; 0 when off. */
    public double clipNorm() {
        return clipNorm;
    }

    /** Clips the step's gradients to a total Euclidean norm of at most c from the next step on; 0 switches off. */
    public void setClipNorm(double c) {
        this.clipNorm = Check.nonNegative(kind() + ": the clipping norm c", c);
    }

    /** ‖∇‖ of the last clipped step's gradients before clipping (0 before the first, and while clipping is off). */
    public double lastGradientNorm() {
        return lastGradientNorm;
    }

    // ---------------------------------------------------------------- state

    /** t: the number of steps completed since creation, reset or import. */
    public long stepCount() {
        return step;
    }

    /** Forgets every buffer and sets t to 0; hyperparameters, penalty and schedule stay. */
    public void reset() {
        slots.clear();
        step = 0;
    }

    /** A copy of the buffers for display: parameter name → buffer name → tensor of the parameter's shape. */
    public Map<String, Map<String, Tensor>> state() {
        Map<String, Map<String, Tensor>> out = new LinkedHashMap<>();
        List<String> names = bufferNames();
        slots.forEach((param, slot) -> {
            Map<String, Tensor> named = new LinkedHashMap<>();
            for (int b = 0; b < names.size(); b++) {
                named.put(names.get(b), Tensor.of(slot.buffers[b], slot.shape));
            }
            out.put(param, named);
        });
        return out;
    }

    /** Everything needed to continue exactly where this optimiser is, as plain data. */
    public OptimizerState exportState() {
        Map<String, Map<String, float[]>> buffers = new LinkedHashMap<>();
        List<String> names = bufferNames();
        slots.forEach((param, slot) -> {
            Map<String, float[]> named = new LinkedHashMap<>();
            for (int b = 0; b < names.size(); b++) {
                named.put(names.get(b), slot.buffers[b]);
            }
            buffers.put(param, named);
        });
        return new OptimizerState(kind(), step, buffers);
    }

    /**
     * Replaces all state with {@code state}: the step count and each parameter's buffers. Parameters are matched
     * by name at the next step, where a size mismatch is refused.
     */
    public void importState(OptimizerState state) {
        if (!kind().equals(state.kind())) {
            throw new IllegalArgumentException("cannot load the state of a '" + state.kind() + "' optimiser into a '"
                    + kind() + "' optimiser");
        }
        Map<String, Slot> loaded = new HashMap<>();
        Map<String, Map<String, float[]>> buffers = state.buffers();
        buffers.forEach((param, named) -> loaded.put(param, loadSlot(param, named)));
        slots.clear();
        buffers.keySet().forEach(param -> slots.put(param, loaded.get(param)));
        step = state.step();
    }

    private Slot loadSlot(String param, Map<String, float[]> named) {
        List<String> names = bufferNames();
        if (!named.keySet().equals(new HashSet<>(names))) {
            throw new IllegalArgumentException(describe() + " keeps the buffers " + names + " per parameter, but the"
                    + " saved state of parameter '" + param + "' has " + named.keySet());
        }
        int size = names.isEmpty() ? -1 : named.get(names.get(0)).length;
        Slot slot = new Slot(names.size(), Math.max(size, 0));
        for (int b = 0; b < names.size(); b++) {
            float[] values = named.get(names.get(b));
            if (values.length != size) {
                throw new IllegalArgumentException("the saved state of parameter '" + param + "' has buffers of"
                        + " different lengths: " + names.get(0) + " has " + size + ", " + names.get(b) + " has "
                        + values.length);
            }
            slot.buffers[b] = values;
        }
        // Without buffers there is nothing to compare a size against; let the parameter decide.
        slot.size = names.isEmpty() ? -1 : size;
        slot.touchedAt = -1;
        return slot;
    }

    /** The kind and hyperparameters in words, e.g. "adam (η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-7)". */
    public abstract String describe();

    @Override
    public String toString() {
        return describe();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** One parameter's buffers and which parameter object they were last used with. */
    private static final class Slot {
        final float[][] buffers;
        int size;
        int[] shape;
        Variable owner;
        long touchedAt = -1;

        Slot(int count, int size) {
            this.buffers = new float[count][size];
            this.size = size;
            this.shape = new int[] {size};
        }
    }
}
