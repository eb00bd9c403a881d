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

    /**
     * {@link MomentumStep#scalar} on [s, e), same bits: the velocities of every whole vector first, then the
     * parameters from the stored velocities (the values the scalar loop uses), then the scalar loop on the rest.
     * Each loop is a method of its own that passes no vector to another, as in {@link AdamStepVector}: one loop
     * per kernel could outgrow C2's inlining budget, and then every vector was boxed.
     */
    static void range(float[] theta, float[] grad, float[] velocity, double eta, double momentum, boolean nesterov,
                      double decay, int s, int e) {
        // The high half is loaded as a whole vector from i + HALF, so it must end inside the arrays.
        int limit = Math.min(e, theta.length - HALF) - LANES;
        int end = limit < s ? s : s + ((limit - s) / LANES + 1) * LANES;
        velocities(grad, velocity, eta, momentum, s, end);
        if (nesterov) {
            nesterovParameters(theta, grad, velocity, eta, momentum, decay, s, end);
        } else {
            plainParameters(theta, velocity, decay, s, end);
        }
        MomentumStep.scalar(theta, grad, velocity, eta, momentum, nesterov, decay, end, e);
    }

    /** v[i] ← (float) (μ·v[i] − η·g[i]) on whole vectors [s, end). */
    private static void velocities(float[] grad, float[] velocity, double eta, double momentum, int s, int end) {
        for (int i = s; i < end; i += LANES) {
            int j = i + HALF;
            DoubleVector etaGLow = ((DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0)).mul(eta);
            DoubleVector v0Low = (DoubleVector) FloatVector.fromArray(SPECIES, velocity, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector vLow = (FloatVector) v0Low.mul(momentum).sub(etaGLow)
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector etaGHigh = ((DoubleVector) FloatVector.fromArray(SPECIES, grad, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0)).mul(eta);
            DoubleVector v0High = (DoubleVector) FloatVector.fromArray(SPECIES, velocity, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector vHigh = (FloatVector) v0High.mul(momentum).sub(etaGHigh)
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            vLow.blend(vHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(velocity, i);
        }
    }

    /** θ[i] ← (float) (θ + v − λ·θ) with plain momentum's step d = v, on whole vectors [s, end). */
    private static void plainParameters(float[] theta, float[] velocity, double decay, int s, int end) {
        for (int i = s; i < end; i += LANES) {
            int j = i + HALF;
            DoubleVector dLow = (DoubleVector) FloatVector.fromArray(SPECIES, velocity, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector oldLow = (DoubleVector) FloatVector.fromArray(SPECIES, theta, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaLow = (FloatVector) oldLow.add(dLow).sub(oldLow.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector dHigh = (DoubleVector) FloatVector.fromArray(SPECIES, velocity, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector oldHigh = (DoubleVector) FloatVector.fromArray(SPECIES, theta, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaHigh = (FloatVector) oldHigh.add(dHigh).sub(oldHigh.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            thetaLow.blend(thetaHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(theta, i);
        }
    }

    /** θ[i] with Nesterov's step d = μ·v − η·g from the stored velocity, on whole vectors [s, end). */
    private static void nesterovParameters(float[] theta, float[] grad, float[] velocity, double eta,
                                           double momentum, double decay, int s, int end) {
        for (int i = s; i < end; i += LANES) {
            int j = i + HALF;
            DoubleVector etaGLow = ((DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0)).mul(eta);
            DoubleVector dLow = ((DoubleVector) FloatVector.fromArray(SPECIES, velocity, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0)).mul(momentum).sub(etaGLow);
            DoubleVector oldLow = (DoubleVector) FloatVector.fromArray(SPECIES, theta, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaLow = (FloatVector) oldLow.add(dLow).sub(oldLow.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector etaGHigh = ((DoubleVector) FloatVector.fromArray(SPECIES, grad, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0)).mul(eta);
            DoubleVector dHigh = ((DoubleVector) FloatVector.fromArray(SPECIES, velocity, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0)).mul(momentum).sub(etaGHigh);
            DoubleVector oldHigh = (DoubleVector) FloatVector.fromArray(SPECIES, theta, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaHigh = (FloatVector) oldHigh.add(dHigh).sub(oldHigh.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            thetaLow.blend(thetaHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(theta, i);
        }
    }
}
