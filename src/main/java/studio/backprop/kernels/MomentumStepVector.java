package studio.backprop.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API path of {@link MomentumStep}: half a float vector at a time, converted to doubles, the scalar
 * loop's operations in its order, converted back. Only loaded when the {@code jdk.incubator.vector} module is
 * present. Everything is in one method, for the reason given at {@link ElementwiseVector#gradientStep}.
 */
final class MomentumStepVector {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Doubles of the same width as SPECIES (see {@link ElementwiseVector}). */
    private static final VectorSpecies<Double> DOUBLES = VectorSpecies.of(double.class, SPECIES.vectorShape());
    private static final int HALF = DOUBLES.length();
    /** The low HALF float lanes: where a converted half vector's values sit. */
    private static final VectorMask<Float> LOW_HALF = SPECIES.indexInRange(0, HALF);

    private MomentumStepVector() {
    }

    /** {@link MomentumStep#scalar} on [s, e), same bits. */
    static void range(float[] theta, float[] grad, float[] velocity, double eta, double momentum, boolean nesterov,
                      double decay, int s, int e) {
        int i = s;
        // Each step loads a whole float vector at i and uses its low HALF lanes, so it must end inside the arrays.
        for (int end = Math.min(e, theta.length - LANES + HALF) - HALF; i <= end; i += HALF) {
            DoubleVector g = (DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector vOld = (DoubleVector) FloatVector.fromArray(SPECIES, velocity, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector etaG = g.mul(eta);
            FloatVector vNew = (FloatVector) vOld.mul(momentum).sub(etaG)
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector v = (DoubleVector) vNew.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector d = nesterov ? v.mul(momentum).sub(etaG) : v;
            DoubleVector old = (DoubleVector) FloatVector.fromArray(SPECIES, theta, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector updated = (FloatVector) old.add(d).sub(old.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            vNew.intoArray(velocity, i, LOW_HALF);
            updated.intoArray(theta, i, LOW_HALF);
        }
        MomentumStep.scalar(theta, grad, velocity, eta, momentum, nesterov, decay, i, e);
    }
}
