package studio.backprop.ui.training;

import studio.backprop.nn.loss.OutputKind;

/** Reads a network's raw outputs as class probabilities, according to its loss. */
final class OutputReading {

    private OutputReading() {
    }

    /**
     * Per class (or one row, p of the second class, for a single output), per cell: sigmoid or softmax for
     * losses on logits, (v + 1) / 2 for hinge losses (targets ±1), the values clipped to [0, 1] otherwise.
     */
    static float[][] probabilities(float[][] raw, OutputKind kind) {
        if (raw.length > 1 && kind == OutputKind.LOGIT) {
            return softmax(raw);
        }
        float[][] out = new float[raw.length][raw[0].length];
        for (int u = 0; u < raw.length; u++) {
            for (int i = 0; i < raw[u].length; i++) {
                out[u][i] = (float) kind.probability(raw[u][i]);
            }
        }
        return out;
    }

    private static float[][] softmax(float[][] raw) {
        int cells = raw[0].length;
        float[][] out = new float[raw.length][cells];
        for (int i = 0; i < cells; i++) {
            float max = Float.NEGATIVE_INFINITY;
            for (float[] unit : raw) {
                max = Math.max(max, unit[i]);
            }
            double sum = 0;
            for (int u = 0; u < raw.length; u++) {
                out[u][i] = (float) Math.exp(raw[u][i] - max);
                sum += out[u][i];
            }
            for (float[] unit : out) {
                unit[i] /= (float) sum;
            }
        }
        return out;
    }

    /** Probabilities as the colour scale's 2p − 1, one row per output unit. */
    static float[][] signed(float[][] p, int units) {
        float[][] out = new float[units][];
        for (int u = 0; u < units; u++) {
            float[] row = p[Math.min(u, p.length - 1)];
            out[u] = new float[row.length];
            for (int i = 0; i < row.length; i++) {
                out[u][i] = 2 * row[i] - 1;
            }
        }
        return out;
    }
}
