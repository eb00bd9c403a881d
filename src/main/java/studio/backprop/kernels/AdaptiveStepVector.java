package studio.backprop.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API path of {@link AdaptiveStep}: one float vector of each array per step, taken as two halves
 * converted to doubles, the scalar loop's operations in its order on each half, converted back and joined into
 * one whole-vector store. Only loaded when the {@code jdk.incubator.vector} module is present.
 *
 * <p>The lane arithmetic is written out in each loop, twice (one copy per half), rather than in a helper, for
 * the reason given at {@link ElementwiseVector#gradientStep}; and every store is a whole vector: Java 17 does not
 * compile a masked store to one instruction, so storing a half through a mask boxed every vector (20-30 bytes per
 * parameter per step).
 */
final class AdaptiveStepVector {

    private static final VectorSpecies<Float> SPECIES = HalfVectors.FLOATS;
    private static final VectorSpecies<Double> DOUBLES = HalfVectors.DOUBLES;
    private static final int LANES = HalfVectors.LANES;
    private static final int HALF = HalfVectors.HALF;
    private static final VectorShuffle<Float> UPPER_HALF = HalfVectors.UPPER_HALF;
    private static final VectorMask<Float> UPPER_LANES = HalfVectors.UPPER_LANES;

    private AdaptiveStepVector() {
    }

    /**
     * {@link AdaptiveStep#scalar} for RMSProp and AdaGrad on [s, e), same bits: the squares of every whole vector
     * first, then the parameters from the stored squares (the values the scalar loop uses), then the scalar loop on
     * the rest. Each loop is a method of its own that passes no vector to another: in one loop, C2 could run out of
     * its inlining node budget, leave the stores as calls and box every vector (as it did for {@link AdamStepVector}).
     */
    static void squares(float[] theta, float[] grad, float[] squares, AdaptiveStep.Constants k, int s, int e) {
        int end = wholeVectorsEnd(theta.length, s, e);
        squaresOnly(grad, squares, k, s, end);
        parametersFromSquares(theta, grad, squares, k, s, end);
        AdaptiveStep.scalar(theta, grad, squares, null, k, end, e);
    }

    /**
     * {@link AdaptiveStep#scalar} for AdaDelta on [s, e), same bits, in three loops for the same reason: the
     * squares; the parameters from the stored squares and the old updates; then the updates, from the same values
     * (the step is worked out again, with the same operations).
     */
    static void adaDelta(float[] theta, float[] grad, float[] squares, float[] updates, AdaptiveStep.Constants k,
                         int s, int e) {
        int end = wholeVectorsEnd(theta.length, s, e);
        squaresOnly(grad, squares, k, s, end);
        adaDeltaParameters(theta, grad, squares, updates, k, s, end);
        adaDeltaUpdates(grad, squares, updates, k, s, end);
        AdaptiveStep.scalar(theta, grad, squares, updates, k, end, e);
    }

    /** Where the whole vectors from s end: the high half is loaded from i + HALF, so it must end inside the arrays. */
    private static int wholeVectorsEnd(int length, int s, int e) {
        int limit = Math.min(e, length - HALF) - LANES;
        return limit < s ? s : s + ((limit - s) / LANES + 1) * LANES;
    }

    /** squares[i] ← (float) (a·squares[i] + b·g·g) on whole vectors [s, end). */
    private static void squaresOnly(float[] grad, float[] squares, AdaptiveStep.Constants k, int s, int end) {
        double a = k.a;
        double b = k.b;
        for (int i = s; i < end; i += LANES) {
            int j = i + HALF;
            DoubleVector gLow = (DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector s0Low = (DoubleVector) FloatVector.fromArray(SPECIES, squares, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector sLow = (FloatVector) s0Low.mul(a).add(gLow.mul(b).mul(gLow))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector gHigh = (DoubleVector) FloatVector.fromArray(SPECIES, grad, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector s0High = (DoubleVector) FloatVector.fromArray(SPECIES, squares, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector sHigh = (FloatVector) s0High.mul(a).add(gHigh.mul(b).mul(gHigh))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            sLow.blend(sHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(squares, i);
        }
    }

    /** θ[i] from the stored squares: d = −η·g / (√s + ε), on whole vectors [s, end). */
    private static void parametersFromSquares(float[] theta, float[] grad, float[] squares, AdaptiveStep.Constants k,
                                              int s, int end) {
        double negEta = -k.eta;
        double epsilon = k.epsilon;
        double decay = k.decay;
        for (int i = s; i < end; i += LANES) {
            int j = i + HALF;
            DoubleVector gLow = (DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector rootLow = ((DoubleVector) FloatVector.fromArray(SPECIES, squares, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0)).lanewise(VectorOperators.SQRT);
            DoubleVector dLow = gLow.mul(negEta).div(rootLow.add(epsilon));
            DoubleVector oldLow = (DoubleVector) FloatVector.fromArray(SPECIES, theta, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaLow = (FloatVector) oldLow.add(dLow).sub(oldLow.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector gHigh = (DoubleVector) FloatVector.fromArray(SPECIES, grad, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector rootHigh = ((DoubleVector) FloatVector.fromArray(SPECIES, squares, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0)).lanewise(VectorOperators.SQRT);
            DoubleVector dHigh = gHigh.mul(negEta).div(rootHigh.add(epsilon));
            DoubleVector oldHigh = (DoubleVector) FloatVector.fromArray(SPECIES, theta, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaHigh = (FloatVector) oldHigh.add(dHigh).sub(oldHigh.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            thetaLow.blend(thetaHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(theta, i);
        }
    }

    /** θ[i] from AdaDelta's step −√(u + ε) / √(s + ε) · g with the stored squares and old updates, [s, end). */
    private static void adaDeltaParameters(float[] theta, float[] grad, float[] squares, float[] updates,
                                           AdaptiveStep.Constants k, int s, int end) {
        double eta = k.eta;
        double epsilon = k.epsilon;
        double decay = k.decay;
        for (int i = s; i < end; i += LANES) {
            int j = i + HALF;
            DoubleVector gLow = (DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector sLow = (DoubleVector) FloatVector.fromArray(SPECIES, squares, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector u0Low = (DoubleVector) FloatVector.fromArray(SPECIES, updates, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            // −√(u + ε) as a product by −1, exact like the scalar negation: Java 17 does not compile DoubleVector.neg,
            // and every vector was boxed.
            DoubleVector dLow = u0Low.add(epsilon).lanewise(VectorOperators.SQRT).mul(-1.0)
                    .div(sLow.add(epsilon).lanewise(VectorOperators.SQRT)).mul(gLow).mul(eta);
            DoubleVector oldLow = (DoubleVector) FloatVector.fromArray(SPECIES, theta, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaLow = (FloatVector) oldLow.add(dLow).sub(oldLow.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector gHigh = (DoubleVector) FloatVector.fromArray(SPECIES, grad, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector sHigh = (DoubleVector) FloatVector.fromArray(SPECIES, squares, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector u0High = (DoubleVector) FloatVector.fromArray(SPECIES, updates, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector dHigh = u0High.add(epsilon).lanewise(VectorOperators.SQRT).mul(-1.0)
                    .div(sHigh.add(epsilon).lanewise(VectorOperators.SQRT)).mul(gHigh).mul(eta);
            DoubleVector oldHigh = (DoubleVector) FloatVector.fromArray(SPECIES, theta, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaHigh = (FloatVector) oldHigh.add(dHigh).sub(oldHigh.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            thetaLow.blend(thetaHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(theta, i);
        }
    }

    /** updates[i] ← (float) (ρ·u + (1 − ρ)·step²), the step as in {@link #adaDeltaParameters}, [s, end). */
    private static void adaDeltaUpdates(float[] grad, float[] squares, float[] updates, AdaptiveStep.Constants k,
                                        int s, int end) {
        double rho = k.a;
        double keep = k.b;
        double epsilon = k.epsilon;
        for (int i = s; i < end; i += LANES) {
            int j = i + HALF;
            DoubleVector gLow = (DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector sLow = (DoubleVector) FloatVector.fromArray(SPECIES, squares, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector u0Low = (DoubleVector) FloatVector.fromArray(SPECIES, updates, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector stepLow = u0Low.add(epsilon).lanewise(VectorOperators.SQRT).mul(-1.0)
                    .div(sLow.add(epsilon).lanewise(VectorOperators.SQRT)).mul(gLow);
            FloatVector uLow = (FloatVector) u0Low.mul(rho).add(stepLow.mul(keep).mul(stepLow))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector gHigh = (DoubleVector) FloatVector.fromArray(SPECIES, grad, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector sHigh = (DoubleVector) FloatVector.fromArray(SPECIES, squares, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector u0High = (DoubleVector) FloatVector.fromArray(SPECIES, updates, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector stepHigh = u0High.add(epsilon).lanewise(VectorOperators.SQRT).mul(-1.0)
                    .div(sHigh.add(epsilon).lanewise(VectorOperators.SQRT)).mul(gHigh);
            FloatVector uHigh = (FloatVector) u0High.mul(rho).add(stepHigh.mul(keep).mul(stepHigh))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            uLow.blend(uHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(updates, i);
        }
    }
}
