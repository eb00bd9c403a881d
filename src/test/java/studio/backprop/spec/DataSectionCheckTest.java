package studio.backprop.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compiler reads the [data] section, so the editor shows its problems before training is prepared. */
class DataSectionCheckTest {

    private static List<String> dataProblems(ComponentSpec data) {
        NetworkDocument doc = NetworkDocument.empty("d", 2)
                .withLayer(LayerSpec.of("out", "Dense", List.of("input")).withSetting("units", "1"))
                .withData(data);
        return DocumentCompiler.compile(doc).problemsOf("data").stream().map(Problem::message).toList();
    }

    @Test
    void problemsOfTheDataSectionAreNamedInWords() {
        assertEquals(List.of("unknown data source 'excel'; choose one of csv, csv_sequence, curve, generated, idx, "
                + "images, inline, logic, mnist, sequence"), dataProblems(ComponentSpec.of("excel")));
        assertEquals(List.of("[data csv] needs 'file = …'"), dataProblems(ComponentSpec.of("csv")));
        assertEquals(List.of("generator: 'spirals' is not one of circle, xor, gaussians, spiral, moons, blobs"),
                dataProblems(new ComponentSpec("generated", Map.of("generator", "spirals"))));
        assertEquals(List.of("inline data, row 2 has 3 inputs and 1 targets, but row 1 has 2 and 1"),
                dataProblems(new ComponentSpec("inline", Map.of("rows", "0, 1 -> 1\n1, 1, 0 -> 0"))));
        assertEquals(List.of("inline data: each row has 3 inputs but the network takes 2"),
                dataProblems(new ComponentSpec("inline", Map.of("rows", "0, 1, 1 -> 1"))));
        assertEquals(List.of("inline data, row 1 ('0, 1, 1'): write the inputs, '->', then the targets"),
                dataProblems(new ComponentSpec("inline", Map.of("rows", "0, 1, 1"))));
        assertTrue(dataProblems(new ComponentSpec("inline", Map.of("rows", "0, 1 -> 1\n1, 1 -> 0"))).isEmpty());
    }
}
