package studio.backprop.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.TrainingData;

/** The dataset view model without a toolkit: generation, drawing, erasing, saving as a [data] section, loading. */
class DatasetViewModelTest {

    @TempDir
    Path dir;

    @Test
    void generatesTheChosenSetSplitByTheRatio() {
        DatasetViewModel vm = new DatasetViewModel();
        vm.generatorProperty().set(DatasetViewModel.Generator.SPIRAL);
        vm.sizeProperty().set(200);
        vm.trainFractionProperty().set(0.75);
        vm.regenerate();
        TrainingData d = vm.dataProperty().get();
        assertEquals(150, d.trainSize());
        assertArrayEquals(new int[] {50, 2}, d.validX().shape());
        assertArrayEquals(new int[] {150, 1}, d.trainY().shape());
        assertEquals(200, vm.points().size());
        assertEquals(50, vm.points().stream().filter(DataPoint::test).count());
        assertEquals("Spiral: 150 training, 50 test points, 2 classes", vm.descriptionProperty().get());
    }

    @Test
    void blobsGiveOneHotTargetsForOneOutputPerClass() {
        DatasetViewModel vm = new DatasetViewModel();
        vm.outputUnitsProperty().set(4);
        vm.classesProperty().set(4);
        vm.generatorProperty().set(DatasetViewModel.Generator.BLOBS);
        vm.regenerate();
        assertArrayEquals(new int[] {280, 4}, vm.dataProperty().get().trainY().shape());
        assertEquals(4, vm.classNames().size());
    }

    @Test
    void drawnPointsJoinTheTrainingDataAndErasingRemovesNearbyOnes() {
        DatasetViewModel vm = new DatasetViewModel();
        vm.clearPoints();
        assertNull(vm.dataProperty().get());
        vm.addPoint(1.234, -2.0, 1);
        vm.addPoint(-3, 3, 0);
        vm.addPoint(-3.2, 3.1, 0);
        TrainingData d = vm.dataProperty().get();
        assertEquals(3, d.trainSize());
        assertFalse(d.hasValidation());
        assertArrayEquals(new float[] {1.23f, -2f, -3f, 3f, -3.2f, 3.1f}, d.trainX().toArray(), 1e-6f);
        assertArrayEquals(new float[] {1, 0, 0}, d.trainY().toArray());
        assertEquals(DatasetViewModel.Source.DRAWN, vm.sourceProperty().get());
        assertEquals(2, vm.erase(-3.1, 3, 0.5));
        assertEquals(1, vm.dataProperty().get().trainSize());
    }

    @Test
    void drawnSetsBecomeInlineRowsThatReadBackTheSame() {
        DatasetViewModel vm = new DatasetViewModel();
        vm.clearPoints();
        vm.addPoint(0.5, 1.25, 1);
        vm.addPoint(-2, 0.01, 0);
        ComponentSpec spec = vm.toDataSpec();
        assertEquals("inline", spec.type());
        assertEquals("0.5, 1.25 -> 1\n-2, 0.01 -> 0\n", spec.get("rows"));

        DatasetViewModel back = new DatasetViewModel();
        assertTrue(back.applyDataSpec(spec));
        assertEquals(vm.points(), back.points());

        NetworkDocument doc = NetworkDocument.empty("drawn", 2).withData(spec);
        TrainingData resolved = DataResolver.resolve(doc, dir, true, new int[] {1});
        assertArrayEquals(vm.dataProperty().get().trainX().toArray(), resolved.trainX().toArray());
        assertArrayEquals(vm.dataProperty().get().trainY().toArray(), resolved.trainY().toArray());
    }

    @Test
    void manyClassesAreSavedAsOneHotRows() {
        DatasetViewModel vm = new DatasetViewModel();
        vm.generatorProperty().set(DatasetViewModel.Generator.BLOBS);
        vm.sizeProperty().set(30);
        vm.regenerate();
        vm.erase(100, 100, 1);
        vm.addPoint(0, 0, 2);
        String rows = vm.toDataSpec().get("rows");
        assertTrue(rows.endsWith("0, 0 -> 0, 0, 1\n"), rows);
        DatasetViewModel back = new DatasetViewModel();
        back.applyDataSpec(vm.toDataSpec());
        assertEquals(31, back.points().size());
        assertEquals(2, back.points().get(30).label());
    }

    @Test
    void generatedSetsAreSavedWithTheirSettings() {
        DatasetViewModel vm = new DatasetViewModel();
        vm.generatorProperty().set(DatasetViewModel.Generator.MOONS);
        vm.noiseProperty().set(0.25);
        vm.seedProperty().set(7);
        vm.regenerate();
        ComponentSpec spec = vm.toDataSpec();
        assertEquals("generated", spec.type());
        assertEquals("moons", spec.get("generator"));
        assertEquals("0.25", spec.get("noise"));
        assertEquals("7", spec.get("seed"));
        DatasetViewModel back = new DatasetViewModel();
        back.applyDataSpec(spec);
        assertEquals(vm.points(), back.points());
    }

    @Test
    void aBrokenCsvIsRefusedInWordsAndTheDataStays() throws IOException {
        DatasetViewModel vm = new DatasetViewModel();
        TrainingData before = vm.dataProperty().get();
        Path csv = dir.resolve("broken.csv");
        Files.writeString(csv, "x1,x2,label\n1,2,a\n3\n");
        assertFalse(vm.loadCsv(csv));
        String message = vm.messageProperty().get();
        assertTrue(message.startsWith("Could not load broken.csv: "), message);
        assertTrue(message.contains("line 3"), message);
        assertSame(before, vm.dataProperty().get());
        assertEquals(DatasetViewModel.Source.GENERATED, vm.sourceProperty().get());
    }

    @Test
    void aTwoColumnCsvBecomesDrawablePoints() throws IOException {
        DatasetViewModel vm = new DatasetViewModel();
        Path csv = dir.resolve("points.csv");
        StringBuilder text = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 10; i++) {
            text.append(i).append(',').append(10 - i).append(',').append(i % 2 == 0 ? "red" : "green").append('\n');
        }
        Files.writeString(csv, text);
        assertTrue(vm.loadCsv(csv), vm.messageProperty().get());
        assertEquals(10, vm.points().size());
        assertTrue(vm.drawable());
        assertEquals(List.of("green", "red"), vm.classNames().stream().sorted().toList());
        assertEquals("csv", vm.toDataSpec().type());
    }
}
