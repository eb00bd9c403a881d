package studio.backprop.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API path of {@link MomentumStep}: one float vector of each array per step, taken as two halves
 * converted to doubles, the scalar loop's operations in its order on each half, converted back and joined into
 * one whole-vector store. Only loaded when the {@code jdk.incubator.vector} module is present.
 *
 * <p>The lane arithmetic is written out in each loop, twice (one copy per half), rather than in a helper, for
 * the reason given at {@link ElementwiseVector#gradientStep}; and every store is a whole vector: Java 17 does not
 * compile a masked store to one instruction, so storing a half through a mask boxed every vector (20-30 bytes per
 * parameter per step).
 */
final class MomentumStepVector {

    private static final VectorSpecies<Float> SPECIES = HalfVectors.FLOATS;
    private static final VectorSpecies<Double> DOUBLES = HalfVectors.DOUBLES;
    private static final int LANES = HalfVectors.LANES;
    private static final int HALF = HalfVectors.HALF;
    private static final VectorShuffle<Float> UPPER_HALF = HalfVectors.UPPER_HALF;
    private static final VectorMask<Float> UPPER_LANES = HalfVectors.UPPER_LANES;

    private MomentumStepVector() {
    }

    /** {@link MomentumStep#scalar} on [s, e), same bits. */
    static void range(float[] theta, float[] grad, float[] velocity, double eta, double momentum, boolean nesterov,
                      double decay, int s, int e) {
        if (nesterov) {
            nesterov(theta, grad, velocity, eta, momentum, decay, s, e);
        } else {
            plain(theta, grad, velocity, eta, momentum, decay, s, e);
        }
    }

    /** {@link MomentumStep#scalar} with plain momentum on [s, e), same bits. */
    private static void plain(float[] theta, float[] grad, float[] velocity, double eta, double momentum,
                              double decay, int s, int e) {
        int i = s;
        // The high half is loaded as a whole vector from i + HALF, so it must end inside the arrays.
        for (int end = Math.min(e, theta.length - HALF) - LANES; i <= end; i += LANES) {
            int j = i + HALF;
            DoubleVector gLow = (DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector etaGLow = gLow.mul(eta);
            DoubleVector v0Low = (DoubleVector) FloatVector.fromArray(SPECIES, velocity, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector vLow = (FloatVector) v0Low.mul(momentum).sub(etaGLow)
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector dLow = (DoubleVector) vLow.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector oldLow = (DoubleVector) FloatVector.fromArray(SPECIES, theta, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaLow = (FloatVector) oldLow.add(dLow).sub(oldLow.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector gHigh = (DoubleVector) FloatVector.fromArray(SPECIES, grad, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector etaGHigh = gHigh.mul(eta);
            DoubleVector v0High = (DoubleVector) FloatVector.fromArray(SPECIES, velocity, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector vHigh = (FloatVector) v0High.mul(momentum).sub(etaGHigh)
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector dHigh = (DoubleVector) vHigh.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector oldHigh = (DoubleVector) FloatVector.fromArray(SPECIES, theta, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaHigh = (FloatVector) oldHigh.add(dHigh).sub(oldHigh.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            vLow.blend(vHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(velocity, i);
            thetaLow.blend(thetaHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(theta, i);
        }
        MomentumStep.scalar(theta, grad, velocity, eta, momentum, false, decay, i, e);
    }

    /** {@link MomentumStep#scalar} with Nesterov momentum on [s, e), same bits. */
    private static void nesterov(float[] theta, float[] grad, float[] velocity, double eta, double momentum,
                              double decay, int s, int e) {
        int i = s;
        // The high half is loaded as a whole vector from i + HALF, so it must end inside the arrays.
        for (int end = Math.min(e, theta.length - HALF) - LANES; i <= end; i += LANES) {
            int j = i + HALF;
            DoubleVector gLow = (DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector etaGLow = gLow.mul(eta);
            DoubleVector v0Low = (DoubleVector) FloatVector.fromArray(SPECIES, velocity, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector vLow = (FloatVector) v0Low.mul(momentum).sub(etaGLow)
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector dLow = ((DoubleVector) vLow.convertShape(VectorOperators.F2D, DOUBLES, 0)).mul(momentum).sub(etaGLow);
            DoubleVector oldLow = (DoubleVector) FloatVector.fromArray(SPECIES, theta, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaLow = (FloatVector) oldLow.add(dLow).sub(oldLow.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector gHigh = (DoubleVector) FloatVector.fromArray(SPECIES, grad, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector etaGHigh = gHigh.mul(eta);
            DoubleVector v0High = (DoubleVector) FloatVector.fromArray(SPECIES, velocity, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector vHigh = (FloatVector) v0High.mul(momentum).sub(etaGHigh)
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector dHigh = ((DoubleVector) vHigh.convertShape(VectorOperators.F2D, DOUBLES, 0)).mul(momentum).sub(etaGHigh);
            DoubleVector oldHigh = (DoubleVector) FloatVector.fromArray(SPECIES, theta, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaHigh = (FloatVector) oldHigh.add(dHigh).sub(oldHigh.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            vLow.blend(vHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(velocity, i);
            thetaLow.blend(thetaHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(theta, i);
        }
        MomentumStep.scalar(theta, grad, velocity, eta, momentum, true, decay, i, e);
    }
}
