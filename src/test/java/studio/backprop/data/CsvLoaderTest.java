package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {

    @TempDir
    Path dir;

    private Path csv(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    private Path fruit() throws IOException {
        return csv("fruit.csv",
                "weight,colour,size,kind",
                "2,red,1,apple",
                "4,green,2,pear",
                "",
                "6,red,3,apple",
                "8,\"yellow, pale\",3,banana");
    }

    @Test
    void mixedColumnsAreDetectedAndEncoded() throws Exception {
        CsvFit fit = CsvLoader.fit(fruit(), CsvOptions.defaults().withNumericEncoding(ColumnEncoding.MIN_MAX)
                .withEncoding("size", ColumnEncoding.ORDINAL));
        Dataset d = fit.dataset();
        assertEquals("fruit", d.name());
        assertEquals(TaskKind.MULTI_CLASS_CLASSIFICATION, d.task());
        assertEquals(List.of("apple", "banana", "pear"), d.classNames());
        assertArrayEquals(new int[] {0, 2, 0, 1}, d.labels());
        assertEquals(List.of("weight", "colour=green", "colour=red", "colour=yellow, pale", "size"),
                d.featureNames());
        assertArrayEquals(new float[] {
            0, 0, 1, 0, 0,
            1 / 3f, 1, 0, 0, 1,
            2 / 3f, 0, 1, 0, 2,
            1, 0, 0, 1, 2}, d.features().buffer(), 1e-6f);
        assertEquals(List.of("weight: min-max scaled (min 2.000, max 8.000)", "colour: one-hot (green, red,"
                + " yellow, pale)", "size: ordinal (1 < 2 < 3)", "kind: label, classes apple, banana, pear"),
                fit.encoder().describeColumns());
    }

    @Test
    void standardisationIsFittedOnTrainingDataAndReusedOnNewFiles() throws Exception {
        Path train = csv("train.csv", "x,y", "1,a", "3,b", "5,a");
        Path test = csv("test.csv", "x,y", "7,b", "3,a");
        CsvFit fit = CsvLoader.fit(train, CsvOptions.defaults());
        float std = (float) Math.sqrt(8 / 3.0);
        assertArrayEquals(new float[] {-2 / std, 0, 2 / std}, fit.dataset().features().buffer(), 1e-6f);
        Dataset t = fit.encoder().load(test);
        assertArrayEquals(new float[] {4 / std, 0}, t.features().buffer(), 1e-6f);
        assertArrayEquals(new int[] {1, 0}, t.labels());
        Path unseen = csv("unseen.csv", "x,y", "1,a", "2,c");
        assertEquals("unseen.csv: line 3, column 2 ('y'): 'c' was not in the training data (known: a, b)",
                message(() -> fit.encoder().load(unseen)));
        Path renamed = csv("renamed.csv", "z,y", "1,a");
        assertEquals("renamed.csv: columns [z, y] differ from the training file's [x, y]",
                message(() -> fit.encoder().load(renamed)));
    }

    @Test
    void numericLabelsMeanRegressionUnlessClassesAreAsked() throws Exception {
        Path f = csv("house.csv", "rooms;price", "2;100.5", "3;150", "4;210");
        CsvOptions semicolon = CsvOptions.defaults().withDelimiter(';').withNumericEncoding(ColumnEncoding.RAW);
        Dataset r = CsvLoader.load(f, semicolon);
        assertEquals(TaskKind.REGRESSION, r.task());
        assertArrayEquals(new float[] {100.5f, 150, 210}, r.targets().buffer());
        assertEquals(List.of("price"), r.targetNames());
        Path digits = csv("digits.csv", "a,digit", "0.5,10", "0.1,9", "0.2,10");
        Dataset c = CsvLoader.load(digits, CsvOptions.defaults().withLabel(1).withClassification(true));
        assertEquals(List.of("9", "10"), c.classNames());
        assertEquals(TaskKind.BINARY_CLASSIFICATION, c.task());
    }

    @Test
    void labelByNameAnywhereIgnoredColumnsAndNoHeader() throws Exception {
        Path f = csv("t.csv", "label,id,v", "yes,17,1", "no,18,2");
        Dataset d = CsvLoader.load(f, CsvOptions.defaults().withLabel("label")
                .withEncoding("id", ColumnEncoding.IGNORE).withNumericEncoding(ColumnEncoding.RAW));
        assertEquals(List.of("v"), d.featureNames());
        assertArrayEquals(new int[] {1, 0}, d.labels());
        Path bare = csv("bare.csv", "1,2,x", "3,4,y");
        Dataset b = CsvLoader.load(bare, CsvOptions.defaults().withHeader(false)
                .withNumericEncoding(ColumnEncoding.RAW));
        assertEquals(List.of("column 1", "column 2"), b.featureNames());
        assertArrayEquals(new float[] {1, 2, 3, 4}, b.features().buffer());
    }

    @Test
    void badFilesNameFileLineColumnAndProblem() throws Exception {
        CsvOptions o = CsvOptions.defaults();
        assertEquals("r.csv: ragged row: line 7 has 3 fields, the header has 4", message(() -> CsvLoader.load(
                csv("r.csv", "a,b,c,d", "1,2,3,x", "1,2,3,y", "1,2,3,x", "1,2,3,y", "1,2,3,x", "1,2,y"), o)));
        assertEquals("m.csv: line 3, column 2 ('b'): missing value", message(() -> CsvLoader.load(
                csv("m.csv", "a,b,c", "1,2,x", "1,,y"), o)));
        assertEquals("n.csv: line 2, column 1 ('a'): missing value ('NA')", message(() -> CsvLoader.load(
                csv("n.csv", "a,b", "NA,x", "1,y"), o)));
        assertEquals("t.csv: line 3, column 1 ('a'): 'three' is not a number", message(() -> CsvLoader.load(
                csv("t.csv", "a,b", "1,x", "three,y"), o.withEncoding("a", ColumnEncoding.STANDARDIZE))));
        assertEquals("q.csv: line 2: a quoted field is not closed (quoted fields cannot span lines)",
                message(() -> CsvLoader.load(csv("q.csv", "a,b", "\"1,x", "2,y"), o)));
        assertEquals("l.csv: no column named 'kind' for the label; the columns are [a, b]",
                message(() -> CsvLoader.load(csv("l.csv", "a,b", "1,x"), o.withLabel("kind"))));
        assertEquals("one.csv: the label column 'b' has only one class ('x'); a classifier needs two or more",
                message(() -> CsvLoader.load(csv("one.csv", "a,b", "1,x", "2,x"), o)));
        assertEquals("e.csv: no data rows", message(() -> CsvLoader.load(csv("e.csv", "a,b", ""), o)));
        assertEquals("g.csv: line 3, column 2 ('y'): 'cheap' is not a number", message(() -> CsvLoader.load(
                csv("g.csv", "x,y", "1,2", "2,cheap"), o.withClassification(false))));
    }

    interface Load {
        Object run() throws Exception;
    }

    static String message(Load load) {
        return assertThrows(DatasetException.class, load::run).getMessage();
    }
}
