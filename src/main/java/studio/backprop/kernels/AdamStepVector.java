package studio.backprop.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API path of {@link AdamStep}: one float vector of each array per step, taken as two halves
 * converted to doubles, the scalar loop's operations in its order on each half, converted back and joined into
 * one whole-vector store. Only loaded when the {@code jdk.incubator.vector} module is present.
 *
 * <p>The lane arithmetic is written out in each loop, twice (one copy per half), rather than in a helper, for
 * the reason given at {@link ElementwiseVector#gradientStep}; and every store is a whole vector: Java 17 does not
 * compile a masked store to one instruction, so storing a half through a mask boxed every vector (20-30 bytes per
 * parameter per step).
 */
final class AdamStepVector {

    private static final VectorSpecies<Float> SPECIES = HalfVectors.FLOATS;
    private static final VectorSpecies<Double> DOUBLES = HalfVectors.DOUBLES;
    private static final int LANES = HalfVectors.LANES;
    private static final int HALF = HalfVectors.HALF;
    private static final VectorShuffle<Float> UPPER_HALF = HalfVectors.UPPER_HALF;
    private static final VectorMask<Float> UPPER_LANES = HalfVectors.UPPER_LANES;

    private AdamStepVector() {
    }

    /**
     * {@link AdamStep#scalar} on [s, e), same bits: the moments of every whole vector first, then the parameters
     * from the stored moments (the values the scalar loop uses), then the scalar loop on the rest. In one loop the
     * method grew past C2's node budget for inlining ({@code NodeCountInliningCutoff}) when the compiler had seen
     * other workloads first: its stores were left as calls and every vector was boxed (4.8 KB a step on the ring
     * GAN of the benchmark). Each loop is now a method of its own that passes no vector to another.
     */
    static void range(float[] theta, float[] grad, float[] first, float[] second, AdamStep.Constants k, int s,
                      int e) {
        // The high half is loaded as a whole vector from i + HALF, so it must end inside the arrays.
        int limit = Math.min(e, theta.length - HALF) - LANES;
        int end = limit < s ? s : s + ((limit - s) / LANES + 1) * LANES;
        moments(grad, first, second, k, s, end);
        parameters(theta, first, second, k, s, end);
        AdamStep.scalar(theta, grad, first, second, k, end, e);
    }

    /** m[i] and v[i] for i in [s, end), whole vectors only. */
    private static void moments(float[] grad, float[] first, float[] second, AdamStep.Constants k, int s,
                                int end) {
        double beta1 = k.beta1;
        double beta2 = k.beta2;
        double keep1 = 1 - beta1;
        double keep2 = 1 - beta2;
        for (int i = s; i < end; i += LANES) {
            int j = i + HALF;
            DoubleVector gLow = (DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector m0Low = (DoubleVector) FloatVector.fromArray(SPECIES, first, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector v0Low = (DoubleVector) FloatVector.fromArray(SPECIES, second, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector mLow = (FloatVector) m0Low.mul(beta1).add(gLow.mul(keep1))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            FloatVector vLow = (FloatVector) v0Low.mul(beta2).add(gLow.mul(keep2).mul(gLow))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector gHigh = (DoubleVector) FloatVector.fromArray(SPECIES, grad, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector m0High = (DoubleVector) FloatVector.fromArray(SPECIES, first, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector v0High = (DoubleVector) FloatVector.fromArray(SPECIES, second, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector mHigh = (FloatVector) m0High.mul(beta1).add(gHigh.mul(keep1))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            FloatVector vHigh = (FloatVector) v0High.mul(beta2).add(gHigh.mul(keep2).mul(gHigh))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            mLow.blend(mHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(first, i);
            vLow.blend(vHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(second, i);
        }
    }

    /** θ[i] for i in [s, end) from the moments already stored there, whole vectors only. */
    private static void parameters(float[] theta, float[] first, float[] second, AdamStep.Constants k, int s,
                                   int end) {
        double c1 = k.correction1;
        double c2 = k.correction2;
        double negEta = -k.eta;
        double epsilon = k.epsilon;
        double decay = k.decay;
        for (int i = s; i < end; i += LANES) {
            int j = i + HALF;
            DoubleVector mHatLow = ((DoubleVector) FloatVector.fromArray(SPECIES, first, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0)).div(c1);
            DoubleVector vHatLow = ((DoubleVector) FloatVector.fromArray(SPECIES, second, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0)).div(c2);
            DoubleVector dLow = mHatLow.mul(negEta).div(vHatLow.lanewise(VectorOperators.SQRT).add(epsilon));
            DoubleVector oldLow = (DoubleVector) FloatVector.fromArray(SPECIES, theta, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaLow = (FloatVector) oldLow.add(dLow).sub(oldLow.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector mHatHigh = ((DoubleVector) FloatVector.fromArray(SPECIES, first, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0)).div(c1);
            DoubleVector vHatHigh = ((DoubleVector) FloatVector.fromArray(SPECIES, second, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0)).div(c2);
            DoubleVector dHigh = mHatHigh.mul(negEta).div(vHatHigh.lanewise(VectorOperators.SQRT).add(epsilon));
            DoubleVector oldHigh = (DoubleVector) FloatVector.fromArray(SPECIES, theta, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaHigh = (FloatVector) oldHigh.add(dHigh).sub(oldHigh.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            thetaLow.blend(thetaHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(theta, i);
        }
    }
}
