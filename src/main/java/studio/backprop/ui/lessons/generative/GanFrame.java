package studio.backprop.ui.lessons.generative;

/**
 * One picture of a GAN's state, made on the GAN's thread and read on the JavaFX thread: the real and generated
 * points (x, y pairs), the generator's gradient arrows at the generated points (−∂L_G/∂x), the discriminator's
 * probability of "real" on a grid × grid lattice over [−extent, extent]² (row 0 at the top), and both losses so far.
 * The arrays are never changed after the frame is made.
 */
record GanFrame(long step, String phase, float[] real, float[] fake, float[] arrows, int grid, double extent,
                float[] realProbability, float[] discriminatorLosses, float[] generatorLosses) {
}
