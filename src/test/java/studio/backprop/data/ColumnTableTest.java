package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnTableTest {

    @TempDir
    Path dir;

    @Test
    void numbersAreNumericColumnsAndWordsCategoricalOnesWithSortedLevels() throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "area,condition,grade\n50,good,3\n70,poor,1\n65,fair,10\n");
        ColumnTable t = ColumnTable.readCsv(csv, true, ',');
        assertEquals(3, t.rows());
        assertEquals(List.of("area", "grade"), t.numeric().stream().map(ColumnTable.Column::name).toList());
        ColumnTable.Column condition = t.column("condition");
        assertEquals(List.of("fair", "good", "poor"), condition.levels());
        assertEquals(2, condition.level(1));
        assertArrayEquals(new double[] {3, 1, 10}, t.column("grade").numbers());
    }

    @Test
    void aRaggedRowIsRefusedWithItsLine() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b\n1,2\n3\n");
        DatasetException e = assertThrows(DatasetException.class, () -> ColumnTable.readCsv(csv, true, ','));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }
}
