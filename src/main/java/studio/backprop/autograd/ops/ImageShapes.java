package studio.backprop.autograd.ops;

import studio.backprop.kernels.ConvGeometry;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/** Shape checks shared by the image ops: NHWC inputs and windows that must fit. */
final class ImageShapes {

    private ImageShapes() {
    }

    /** The input as (n, h, w, c), or a message saying an image batch was expected. */
    static int[] nhwc(String op, Tensor x) {
        int[] s = x.shape();
        if (s.length != 4) {
            throw new ShapeException(op + ": needs a batch of images of shape (N, height, width, channels), got "
                    + Shapes.str(s));
        }
        return s;
    }

    /** Output (height, width) of the window over an h×w input, or a message saying it does not fit. */
    static int[] windowOutput(String op, int h, int w, ConvGeometry g) {
        int oh = g.outH(h);
        int ow = g.outW(w);
        if (oh < 1 || ow < 1) {
            throw new ShapeException(op + ": window " + g.kernelH() + "×" + g.kernelW()
                    + (g.dilationH() > 1 || g.dilationW() > 1 ? " (dilation " + g.dilationH() + ")" : "")
                    + " does not fit a " + h + "×" + w + " input with padding "
                    + (g.padTop() + g.padBottom()) + "×" + (g.padLeft() + g.padRight())
                    + "; use padding or a smaller window");
        }
        return new int[] {oh, ow};
    }

    static float[] ensure(float[] buffer, int size) {
        return buffer == null || buffer.length < size ? new float[size] : buffer;
    }
}
