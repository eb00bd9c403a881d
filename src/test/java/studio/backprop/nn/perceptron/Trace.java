package studio.backprop.nn.perceptron;

/** Builds expected trace rows in the column order of a hand-written trace table. */
final class Trace {

    private Trace() {
    }

    /** A row; the sample is given by its 1-based number, as on the exercise sheet. */
    static SampleStep row(int epoch, int step, int sampleNumber, Vec x, double z, int predicted, int label,
                          int error, boolean updated, Vec weightsBefore, double biasBefore, Vec weightsAfter,
                          double biasAfter) {
        return new SampleStep(epoch, step, sampleNumber - 1, x, z, predicted, label, error, updated,
                weightsBefore, biasBefore, weightsAfter, biasAfter);
    }

    static Vec v(double... values) {
        return Vec.of(values);
    }
}
