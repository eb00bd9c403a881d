package studio.backprop.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where the Playground puts its neurons: full size when there is room, smaller when the view is short. */
class NetworkLayoutTest {

    private static List<NeuronColumn> columns(int units) {
        return List.of(new NeuronColumn("input", "input", 2, null, null, ""),
                new NeuronColumn("h1", "h1", units, "h1/kernel", "h1/bias", "tanh"),
                new NeuronColumn("out", "out", 1, "out/kernel", "out/bias", "sigmoid"));
    }

    @Test
    void heatmapsKeepTheirSizeWhenThereIsRoom() {
        NetworkLayout layout = new NetworkLayout(columns(8), 560, NetworkLayout.preferredHeight(columns(8)), 1);
        assertEquals(NetworkLayout.THUMB, layout.thumb());
    }

    @Test
    void aShortViewShrinksTheHeatmapsSoTheTallestColumnFits() {
        for (double typeScale : new double[] {1, 1.5}) {
            NetworkLayout layout = new NetworkLayout(columns(16), 560, 400, typeScale);
            assertTrue(layout.thumb() < NetworkLayout.THUMB && layout.thumb() >= NetworkLayout.MIN_THUMB);
            Rectangle2D last = layout.box(1, 15);
            assertTrue(last.getMaxY() <= 400, "the 16th neuron ends at " + last.getMaxY());
            assertTrue(layout.box(1, 0).getMinY() >= NetworkLayout.HEADER * typeScale, "below the headers");
            assertEquals(new NetworkLayout.Hit(1, 15, -1), layout.hit(last.getMinX() + 2, last.getMinY() + 2));
        }
    }
}
