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

    /** {@link AdaptiveStep#scalar} for RMSProp and AdaGrad on [s, e), same bits. */
    static void squares(float[] theta, float[] grad, float[] squares, AdaptiveStep.Constants k, int s, int e) {
        double a = k.a;
        double b = k.b;
        double negEta = -k.eta;
        double epsilon = k.epsilon;
        double decay = k.decay;
        int i = s;
        // The high half is loaded as a whole vector from i + HALF, so it must end inside the arrays.
        for (int end = Math.min(e, theta.length - HALF) - LANES; i <= end; i += LANES) {
            int j = i + HALF;
            DoubleVector gLow = (DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector s0Low = (DoubleVector) FloatVector.fromArray(SPECIES, squares, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector sLow = (FloatVector) s0Low.mul(a).add(gLow.mul(b).mul(gLow))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector rootLow = ((DoubleVector) sLow.convertShape(VectorOperators.F2D, DOUBLES, 0)).lanewise(VectorOperators.SQRT);
            DoubleVector dLow = gLow.mul(negEta).div(rootLow.add(epsilon));
            DoubleVector oldLow = (DoubleVector) FloatVector.fromArray(SPECIES, theta, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaLow = (FloatVector) oldLow.add(dLow).sub(oldLow.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector gHigh = (DoubleVector) FloatVector.fromArray(SPECIES, grad, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector s0High = (DoubleVector) FloatVector.fromArray(SPECIES, squares, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector sHigh = (FloatVector) s0High.mul(a).add(gHigh.mul(b).mul(gHigh))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector rootHigh = ((DoubleVector) sHigh.convertShape(VectorOperators.F2D, DOUBLES, 0)).lanewise(VectorOperators.SQRT);
            DoubleVector dHigh = gHigh.mul(negEta).div(rootHigh.add(epsilon));
            DoubleVector oldHigh = (DoubleVector) FloatVector.fromArray(SPECIES, theta, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaHigh = (FloatVector) oldHigh.add(dHigh).sub(oldHigh.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            sLow.blend(sHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(squares, i);
            thetaLow.blend(thetaHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(theta, i);
        }
        AdaptiveStep.scalar(theta, grad, squares, null, k, i, e);
    }

    /** {@link AdaptiveStep#scalar} for AdaDelta on [s, e), same bits. */
    static void adaDelta(float[] theta, float[] grad, float[] squares, float[] updates, AdaptiveStep.Constants k,
                         int s, int e) {
        double rho = k.a;
        double keep = k.b;
        double eta = k.eta;
        double epsilon = k.epsilon;
        double decay = k.decay;
        int i = s;
        // The high half is loaded as a whole vector from i + HALF, so it must end inside the arrays.
        for (int end = Math.min(e, theta.length - HALF) - LANES; i <= end; i += LANES) {
            int j = i + HALF;
            DoubleVector gLow = (DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector s0Low = (DoubleVector) FloatVector.fromArray(SPECIES, squares, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector sLow = (FloatVector) s0Low.mul(rho).add(gLow.mul(keep).mul(gLow))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector sWideLow = (DoubleVector) sLow.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector u0Low = (DoubleVector) FloatVector.fromArray(SPECIES, updates, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            // −√(u + ε) as a product by −1, exact like the scalar negation: Java 17 does not compile DoubleVector.neg,
            // and every vector was boxed.
            DoubleVector stepLow = u0Low.add(epsilon).lanewise(VectorOperators.SQRT).mul(-1.0)
                    .div(sWideLow.add(epsilon).lanewise(VectorOperators.SQRT)).mul(gLow);
            FloatVector uLow = (FloatVector) u0Low.mul(rho).add(stepLow.mul(keep).mul(stepLow))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector dLow = stepLow.mul(eta);
            DoubleVector oldLow = (DoubleVector) FloatVector.fromArray(SPECIES, theta, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaLow = (FloatVector) oldLow.add(dLow).sub(oldLow.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector gHigh = (DoubleVector) FloatVector.fromArray(SPECIES, grad, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector s0High = (DoubleVector) FloatVector.fromArray(SPECIES, squares, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector sHigh = (FloatVector) s0High.mul(rho).add(gHigh.mul(keep).mul(gHigh))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector sWideHigh = (DoubleVector) sHigh.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector u0High = (DoubleVector) FloatVector.fromArray(SPECIES, updates, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            // −√(u + ε) as a product by −1, exact like the scalar negation: Java 17 does not compile DoubleVector.neg,
            // and every vector was boxed.
            DoubleVector stepHigh = u0High.add(epsilon).lanewise(VectorOperators.SQRT).mul(-1.0)
                    .div(sWideHigh.add(epsilon).lanewise(VectorOperators.SQRT)).mul(gHigh);
            FloatVector uHigh = (FloatVector) u0High.mul(rho).add(stepHigh.mul(keep).mul(stepHigh))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            DoubleVector dHigh = stepHigh.mul(eta);
            DoubleVector oldHigh = (DoubleVector) FloatVector.fromArray(SPECIES, theta, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            FloatVector thetaHigh = (FloatVector) oldHigh.add(dHigh).sub(oldHigh.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            sLow.blend(sHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(squares, i);
            uLow.blend(uHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(updates, i);
            thetaLow.blend(thetaHigh.rearrange(UPPER_HALF), UPPER_LANES).intoArray(theta, i);
        }
        AdaptiveStep.scalar(theta, grad, squares, updates, k, i, e);
    }
}
