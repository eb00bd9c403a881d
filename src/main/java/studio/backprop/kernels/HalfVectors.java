package studio.backprop.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The shapes shared by the optimiser kernels that compute in double ({@link MomentumStepVector},
 * {@link AdamStepVector}, {@link AdaptiveStepVector}): a float vector of {@link #LANES} lanes is taken as two
 * halves of {@link #HALF} lanes, each widened to a double vector of the same width; the two results, narrowed back
 * into the low lanes of two float vectors, are joined into one whole-vector store by moving the second into the
 * upper lanes ({@link #UPPER_HALF}) and blending it there ({@link #UPPER_LANES}). Static final, so C2 treats every
 * one as a constant in the kernels that copy them. Only loaded when the {@code jdk.incubator.vector} module is
 * present.
 */
final class HalfVectors {

    static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    static final int LANES = FLOATS.length();
    /** Doubles of the same width as FLOATS. */
    static final VectorSpecies<Double> DOUBLES = VectorSpecies.of(double.class, FLOATS.vectorShape());
    static final int HALF = DOUBLES.length();
    /** Moves a narrowed half (in the low lanes) to the upper lanes. */
    static final VectorShuffle<Float> UPPER_HALF = VectorShuffle.fromOp(FLOATS, i -> (i + LANES - HALF) % LANES);
    /** The upper HALF float lanes. */
    static final VectorMask<Float> UPPER_LANES = VectorMask.fromLong(FLOATS, ((1L << LANES) - 1) & (-1L << HALF));

    private HalfVectors() {
    }
}
