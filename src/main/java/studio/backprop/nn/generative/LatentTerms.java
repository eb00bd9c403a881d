package studio.backprop.nn.generative;

import studio.backprop.autograd.Variable;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;

/**
 * The three formulas that make an autoencoder generative or sparse, each composed from primitive ops so that
 * backprop through them needs no rule of its own (and each is gradient-checked in the tests).
 *
 * <ul>
 *   <li>the reparameterisation z = μ + σ·ε with σ = exp(½·log σ²), so that ∂z/∂μ = 1 and
 *       ∂z/∂log σ² = ½·σ·ε while the randomness stays in the constant ε;</li>
 *   <li>the KL divergence of N(μ, σ²) from N(0, I), per sample −½·Σⱼ (1 + log σ²ⱼ − μⱼ² − σ²ⱼ), averaged over
 *       the batch;</li>
 *   <li>the sparsity penalty Σⱼ KL(ρ ‖ ρ̂ⱼ) = Σⱼ ρ·log(ρ/ρ̂ⱼ) + (1 − ρ)·log((1 − ρ)/(1 − ρ̂ⱼ)) on the mean
 *       activation ρ̂ⱼ of unit j over the batch.</li>
 * </ul>
 */
public final class LatentTerms {

    private LatentTerms() {
    }

    /**
     * z = μ + exp(½·log σ²) ⊙ ε.
     *
     * @param mu     (N, d)
     * @param logVar (N, d), log σ²
     * @param eps    (N, d) standard normal noise (a constant, or a {@code NormalNoise} node)
     * @return z, (N, d)
     */
    public static Variable reparameterise(Variable mu, Variable logVar, Variable eps) {
        sameShape("the sampling layer", mu, logVar);
        Variable sigma = logVar.mul(0.5f).exp();
        return mu.add(sigma.mul(eps));
    }

    /**
     * KL(N(μ, σ²) ‖ N(0, I)) = −½·Σⱼ (1 + log σ²ⱼ − μⱼ² − exp(log σ²ⱼ)) per sample, averaged over the batch.
     *
     * @param mu     (N, d)
     * @param logVar (N, d)
     * @return a scalar
     */
    public static Variable klToStandardNormal(Variable mu, Variable logVar) {
        sameShape("the KL term", mu, logVar);
        int batch = mu.shape()[0];
        Variable inside = logVar.add(1f).sub(mu.square()).sub(logVar.exp());
        return inside.sum().mul(-0.5f / batch);
    }

    /**
     * Σⱼ KL(ρ ‖ ρ̂ⱼ) with ρ̂ⱼ = mean over the batch of aⱼ; the activations must lie in (0, 1) (a sigmoid layer).
     *
     * @param activations (N, units)
     * @param rho         the target mean activation ρ, in (0, 1)
     * @return a scalar
     */
    public static Variable sparsityKl(Variable activations, double rho) {
        if (!(rho > 0 && rho < 1)) {
            throw new ShapeException("sparsity: the target mean activation ρ must be in (0, 1), got " + rho);
        }
        Variable rhoHat = activations.mean(0, false);
        float r = (float) rho;
        // ρ·log ρ − ρ·log ρ̂ + (1 − ρ)·log(1 − ρ) − (1 − ρ)·log(1 − ρ̂)
        float constant = (float) (rho * Math.log(rho) + (1 - rho) * Math.log(1 - rho));
        Variable logRhoHat = rhoHat.log();
        Variable logOneMinus = rhoHat.affine(-1f, 1f).log();
        Variable perUnit = logRhoHat.mul(-r).sub(logOneMinus.mul(1f - r)).add(constant);
        return perUnit.sum();
    }

    private static void sameShape(String what, Variable a, Variable b) {
        if (!java.util.Arrays.equals(a.shape(), b.shape()) || a.shape().length != 2) {
            throw new ShapeException(what + " needs μ and log σ² of the same shape (N, d), got "
                    + Shapes.str(a.shape()) + " and " + Shapes.str(b.shape()));
        }
    }
}
