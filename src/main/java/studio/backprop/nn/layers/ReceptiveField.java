package studio.backprop.nn.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.nn.Network;
import studio.backprop.nn.ShapeReport;

/**
 * The receptive field of every image-shaped layer of a chain: the square (per axis) of input pixels a unit of the
 * layer sees. Walking from the input (size r = 1, jump j = 1, first centre c = 0.5), a window layer with kernel k,
 * dilation d (effective kernel k' = d(k − 1) + 1), stride s and padding p before the first row gives
 * r ← r + (k' − 1)·j, c ← c + ((k' − 1)/2 − p)·j, j ← j·s. Layers that keep positions (activations, dropout,
 * batch normalisation) leave the field as it is; a layer that mixes all positions (Flatten, Dense, global pooling)
 * ends the walk.
 *
 * <p>Unit (y, x) of a layer sees input rows from c − r/2 + y·j to c + r/2 + y·j (pixel edges, clipped to the image
 * by the caller), likewise for columns.
 *
 * @param sizeH   r along the rows
 * @param sizeW   r along the columns
 * @param jumpH   the distance in input pixels between neighbouring units along the rows
 * @param jumpW   along the columns
 * @param centreH the centre of unit (0, 0) along the rows, in input pixel coordinates (pixel i spans [i, i + 1))
 * @param centreW along the columns
 */
public record ReceptiveField(int sizeH, int sizeW, int jumpH, int jumpW, double centreH, double centreW) {

    /** The input's own pixels. */
    public static final ReceptiveField PIXEL = new ReceptiveField(1, 1, 1, 1, 0.5, 0.5);

    /** The field after a window with this geometry. */
    public ReceptiveField through(ConvGeometry g) {
        int kh = g.dilationH() * (g.kernelH() - 1) + 1;
        int kw = g.dilationW() * (g.kernelW() - 1) + 1;
        return new ReceptiveField(sizeH + (kh - 1) * jumpH, sizeW + (kw - 1) * jumpW, jumpH * g.strideH(),
                jumpW * g.strideW(), centreH + ((kh - 1) / 2.0 - g.padTop()) * jumpH,
                centreW + ((kw - 1) / 2.0 - g.padLeft()) * jumpW);
    }

    /** {top, left, bottom, right} input pixel edges seen by unit (y, x), clipped to an h × w input. */
    public int[] window(int y, int x, int h, int w) {
        double top = centreH - sizeH / 2.0 + y * jumpH;
        double left = centreW - sizeW / 2.0 + x * jumpW;
        return new int[] {(int) Math.max(0, Math.round(top)), (int) Math.max(0, Math.round(left)),
            (int) Math.min(h, Math.round(top + sizeH)), (int) Math.min(w, Math.round(left + sizeW))};
    }

    /**
     * The receptive field of every image-shaped layer of a network that is a chain of layers, by name, the input
     * included, in order; the walk stops at the first layer that mixes all positions or has several inputs.
     */
    public static Map<String, ReceptiveField> of(Network network) {
        Map<String, ReceptiveField> out = new LinkedHashMap<>();
        ShapeReport shapes = network.inferShapes();
        out.put(Network.INPUT, PIXEL);
        ReceptiveField field = PIXEL;
        String previous = Network.INPUT;
        int[] shape = network.inputShape();
        for (Network.Node n : network.nodes()) {
            List<String> in = n.inputs();
            if (in.size() != 1 || !in.get(0).equals(previous) || shape.length != 3) {
                break;
            }
            Layer layer = n.layer();
            if (layer instanceof Conv2D conv) {
                field = field.through(conv.geometry(shape));
            } else if (layer instanceof Pooling2D pool) {
                field = field.through(pool.geometry(shape));
            } else if (!(layer instanceof ActivationLayer || layer instanceof Dropout
                    || layer instanceof BatchNormalization)) {
                break;
            }
            shape = shapes.node(n.name()).outputShape();
            out.put(n.name(), field);
            previous = n.name();
        }
        return out;
    }
}
