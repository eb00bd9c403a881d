package studio.backprop.nn.init;

import java.util.Arrays;

/**
 * How many inputs feed each output unit (fan_in) and how many outputs each input unit feeds (fan_out), which is
 * what the Glorot, He and LeCun scales depend on.
 *
 * <p>{@link #of(int...)} reads them from a weight shape with one rule, the one Keras uses: the last axis is the
 * output channels, the one before it the input channels, and any axes before those form the receptive field:
 * <ul>
 *   <li>dense weight (in, out): fan_in = in, fan_out = out;</li>
 *   <li>conv weight HWIO (kh, kw, cin, cout): fan_in = kh·kw·cin, fan_out = kh·kw·cout;</li>
 *   <li>conv-transpose weight (kh, kw, cout, cin), stored as Keras stores it: fan_in = kh·kw·cout,
 *       fan_out = kh·kw·cin. These are the fans of the forward convolution the transpose runs backwards, not of
 *       its own data flow; Keras and PyTorch count them the same way, so weights match theirs;</li>
 *   <li>a vector (n) such as a bias: fan_in = fan_out = n; a scalar: 1 and 1.</li>
 * </ul>
 *
 * @param fanIn  fan_in; ≥ 0
 * @param fanOut fan_out; ≥ 0
 */
public record FanInOut(int fanIn, int fanOut) {

    public FanInOut {
        if (fanIn < 0 || fanOut < 0) {
            throw new IllegalArgumentException("fan_in and fan_out must be ≥ 0, but were " + fanIn + " and " + fanOut);
        }
    }

    /** The fans of a weight of this shape, by the rule above. */
    public static FanInOut of(int... shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("a weight shape cannot have a negative dimension: "
                        + Arrays.toString(shape));
            }
        }
        switch (shape.length) {
            case 0:
                return new FanInOut(1, 1);
            case 1:
                return new FanInOut(shape[0], shape[0]);
            default:
                long receptive = 1;
                for (int i = 0; i < shape.length - 2; i++) {
                    receptive *= shape[i];
                }
                return new FanInOut(Math.toIntExact(receptive * shape[shape.length - 2]),
                        Math.toIntExact(receptive * shape[shape.length - 1]));
        }
    }

    /** Dense weight (in, out). */
    public static FanInOut dense(int in, int out) {
        return of(in, out);
    }

    /** Convolution weight in HWIO layout (kh, kw, cin, cout). */
    public static FanInOut conv2d(int kh, int kw, int cin, int cout) {
        return of(kh, kw, cin, cout);
    }

    /** Transposed-convolution weight (kh, kw, cout, cin): fan_in = kh·kw·cout, fan_out = kh·kw·cin (see above). */
    public static FanInOut conv2dTranspose(int kh, int kw, int cout, int cin) {
        return of(kh, kw, cout, cin);
    }
}
