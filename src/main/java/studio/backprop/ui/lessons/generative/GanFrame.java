package studio.backprop.ui.lessons.generative;

/**
 * One picture of a GAN's state, made on the GAN's thread and read on the JavaFX thread: the real and generated
 * points (x, y pairs), the generator's gradient arrows at the generated points (−∂L_G/∂x), the discriminator's
 * probability of "real" on a grid × grid lattice over [−extent, extent]² (row 0 at the top), and both losses so far.
 * For a GAN of digits, {@code grid} is 0: {@code fake} holds generated 28×28 digits (784 values each), {@code real}
 * as many real ones, {@code realProbability} the discriminator's verdict on each generated digit, and there are no
 * arrows. The arrays are never changed after the frame is made.
 */
record GanFrame(long step, String phase, float[] real, float[] fake, float[] arrows, int grid, double extent,
                float[] realProbability, float[] discriminatorLosses, float[] generatorLosses) {

    /** Whether the samples are digits rather than points of the plane. */
    boolean digits() {
        return grid == 0;
    }
}
