package studio.backprop.nn;

import studio.backprop.tensor.ShapeException;

/** A layer cannot accept the shape it is given; the message is written for the person editing the network. */
public class LayerShapeException extends ShapeException {

    private static final long serialVersionUID = 1L;
    private final String layer;

    public LayerShapeException(String layer, String message) {
        super(message);
        this.layer = layer;
    }

    /** Name of the layer the problem belongs to. */
    public String layer() {
        return layer;
    }
}
