package studio.backprop.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTextTest {

    private static ConfusionMatrix pets() {
        int[] actual = {0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
        int[] predicted = {0, 0, 0, 1, 2, 0, 1, 1, 1, 2, 2};
        return ConfusionMatrix.of(predicted, actual, 3).withClassNames(List.of("cat", "dog", "bird"));
    }

    @Test
    void confusionTableHasAlignedHeadersAndStatesItsOrientation() {
        String expected = ""
                + "confusion matrix (rows: true class, columns: predicted class)\n"
                + "true \\ predicted   cat   dog  bird\n"
                + "cat                  3     1     1\n"
                + "dog                  1     2     0\n"
                + "bird                 0     1     2\n";
        assertEquals(expected, pets().toTable());
    }

    @Test
    void reportShowsFourDecimalsAndTheAverages() {
        // the hand-computed values of ConfusionMatrixTest: macro P 23/36, macro F1 40/63, weighted F1 148/231
        String expected = ""
                + "class         precision     recall         f1    support\n"
                + "cat              0.7500     0.6000     0.6667          5\n"
                + "dog              0.5000     0.6667     0.5714          3\n"
                + "bird             0.6667     0.6667     0.6667          3\n"
                + "\n"
                + "accuracy                               0.6364         11\n"
                + "macro avg        0.6389     0.6444     0.6349         11\n"
                + "weighted avg     0.6591     0.6364     0.6407         11\n";
        assertEquals(expected, pets().report());
    }

    @Test
    void undefinedValuesPrintAsNotApplicableWithANote() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0, 0, 0}, new int[] {0, 0, 1, 1}, 3);
        String expected = ""
                + "class         precision     recall         f1    support\n"
                + "0                0.5000     1.0000     0.6667          2\n"
                + "1                   n/a     0.0000     0.0000          2\n"
                + "2                   n/a        n/a        n/a          0\n"
                + "\n"
                + "accuracy                               0.5000          4\n"
                + "macro avg        0.5000     0.5000     0.3333          4\n"
                + "weighted avg     0.5000     0.5000     0.3333          4\n"
                + "note: precision is n/a (0/0, never predicted) for classes 1, 2; the precision averages leave"
                + " them out\n"
                + "note: recall is n/a (0/0, no true examples) for class 2; the recall averages leave it out\n"
                + "note: F1 is n/a (0/0, neither present nor predicted) for class 2; the F1 averages leave it out\n";
        assertEquals(expected, m.report());
    }

    @Test
    void numbersUseADecimalPointAndFourPlaces() {
        assertEquals("0.3333", MetricsText.number(1.0 / 3));
        assertEquals("1.0000", MetricsText.number(1));
        assertEquals("n/a", MetricsText.number(Double.NaN));
    }
}
