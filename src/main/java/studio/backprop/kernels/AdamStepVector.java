package studio.backprop.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API path of {@link AdamStep}: half a float vector at a time, converted to doubles, the scalar loop's
 * operations in its order, converted back. Only loaded when the {@code jdk.incubator.vector} module is present.
 * Everything is in one method, for the reason given at {@link ElementwiseVector#gradientStep}.
 */
final class AdamStepVector {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Doubles of the same width as SPECIES (see {@link ElementwiseVector}). */
    private static final VectorSpecies<Double> DOUBLES = VectorSpecies.of(double.class, SPECIES.vectorShape());
    private static final int HALF = DOUBLES.length();
    /** The low HALF float lanes: where a converted half vector's values sit. */
    private static final VectorMask<Float> LOW_HALF = SPECIES.indexInRange(0, HALF);

    private AdamStepVector() {
    }

    /** {@link AdamStep#scalar} on [s, e), same bits. */
    static void range(float[] theta, float[] grad, float[] first, float[] second, AdamStep.Constants k, int s,
                      int e) {
        double beta1 = k.beta1;
        double beta2 = k.beta2;
        double keep1 = 1 - beta1;
        double keep2 = 1 - beta2;
        double c1 = k.correction1;
        double c2 = k.correction2;
        double negEta = -k.eta;
        double epsilon = k.epsilon;
        double decay = k.decay;
        int i = s;
        // Each step loads a whole float vector at i and uses its low HALF lanes, so it must end inside the arrays.
        for (int end = Math.min(e, theta.length - LANES + HALF) - HALF; i <= end; i += HALF) {
            DoubleVector g = (DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector mOld = (DoubleVector) FloatVector.fromArray(SPECIES, first, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector vOld = (DoubleVector) FloatVector.fromArray(SPECIES, second, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector mNew = (FloatVector) mOld.mul(beta1).add(g.mul(keep1))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            FloatVector vNew = (FloatVector) vOld.mul(beta2).add(g.mul(keep2).mul(g))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector mHat = ((DoubleVector) mNew.convertShape(VectorOperators.F2D, DOUBLES, 0)).div(c1);
            DoubleVector vHat = ((DoubleVector) vNew.convertShape(VectorOperators.F2D, DOUBLES, 0)).div(c2);
            DoubleVector d = mHat.mul(negEta).div(vHat.lanewise(VectorOperators.SQRT).add(epsilon));
            DoubleVector old = (DoubleVector) FloatVector.fromArray(SPECIES, theta, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector updated = (FloatVector) old.add(d).sub(old.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            mNew.intoArray(first, i, LOW_HALF);
            vNew.intoArray(second, i, LOW_HALF);
            updated.intoArray(theta, i, LOW_HALF);
        }
        AdamStep.scalar(theta, grad, first, second, k, i, e);
    }
}
