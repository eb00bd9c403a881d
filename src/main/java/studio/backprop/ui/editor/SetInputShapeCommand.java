package studio.backprop.ui.editor;

import java.util.Arrays;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;

/** Changes the shape of one sample of the network input (e.g. 2, or 28×28×1). */
public record SetInputShapeCommand(int[] shape) implements EditCommand {

    public SetInputShapeCommand {
        shape = shape.clone();
    }

    /** Reads a shape as typed ("28x28x1", "28×28×1", "2"). */
    public static SetInputShapeCommand parse(String text) {
        int[] shape = DocumentFormat.parseShape(text.trim());
        if (shape == null) {
            throw new EditRefusedException("'" + text + "' is not an input shape; write e.g. 2 or 28x28x1");
        }
        return new SetInputShapeCommand(shape);
    }

    @Override
    public NetworkDocument apply(NetworkDocument document) {
        if (shape.length == 0 || Arrays.stream(shape).anyMatch(d -> d < 1)) {
            throw new EditRefusedException("an input shape needs positive sizes, like 2 or 28x28x1");
        }
        return document.withInputShape(shape);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetInputShapeCommand c && Arrays.equals(c.shape, shape);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape);
    }

    @Override
    public String description() {
        return "Set input shape to " + ShapeText.of(shape);
    }
}
