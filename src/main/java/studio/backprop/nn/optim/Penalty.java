package studio.backprop.nn.optim;

import studio.backprop.tensor.Tensor;

/**
 * L1 and L2 penalties that are part of the loss: L = L_data + λ₁‖θ‖₁ + λ₂‖θ‖², with ‖θ‖² = Σθᵢ² (no ½).
 *
 * <p>Their gradient, which the optimiser adds to ∇L_data before it updates its moments, is
 * λ₁·sign(θ) + 2λ₂·θ, with sign(0) = 0 (the subgradient that leaves a weight at exactly zero alone).
 * Because the penalty gradient goes through the moments, this is "L2 regularisation", not decoupled weight
 * decay; for the latter see {@link Optimizer#setWeightDecay(double)}.
 *
 * @param l1 λ₁, the strength of the L1 term; a finite number ≥ 0
 * @param l2 λ₂, the strength of the L2 term; a finite number ≥ 0
 */
public record Penalty(double l1, double l2) {

    /** No penalty. */
    public static final Penalty NONE = new Penalty(0, 0);

    public Penalty {
        Check.nonNegative("the L1 penalty strength λ₁", l1);
        Check.nonNegative("the L2 penalty strength λ₂", l2);
    }

    /** λ‖θ‖₁ alone. */
    public static Penalty l1(double lambda) {
        return new Penalty(lambda, 0);
    }

    /** λ‖θ‖² alone. */
    public static Penalty l2(double lambda) {
        return new Penalty(0, lambda);
    }

    public boolean isNone() {
        return l1 == 0 && l2 == 0;
    }

    /** The penalty's share of ∂L/∂θ for one element: λ₁·sign(θ) + 2λ₂·θ, with sign(0) = 0. */
    public double gradient(double theta) {
        return l1 * Math.signum(theta) + 2 * l2 * theta;
    }

    /** The penalty's share of the loss for one tensor, λ₁Σ|θᵢ| + λ₂Σθᵢ², summed in double for display. */
    public double loss(Tensor theta) {
        float[] values = theta.contiguous().buffer();
        double abs = 0;
        double squares = 0;
        for (float v : values) {
            abs += Math.abs(v);
            squares += (double) v * v;
        }
        return l1 * abs + l2 * squares;
    }
}
