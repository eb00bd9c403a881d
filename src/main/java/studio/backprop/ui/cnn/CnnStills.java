package studio.backprop.ui.cnn;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import studio.backprop.train.Predictions;
import studio.backprop.train.Probe;
import studio.backprop.train.TrainingLoop;
import studio.backprop.train.TrainingSnapshot.TensorCopy;
import studio.backprop.ui.export.Exportable;

/**
 * The CNN page's panels drawn from a saved session without a window, for the command line: the same views as the
 * app, fed once with what the probes would have answered. Call on the JavaFX thread.
 */
public final class CnnStills {

    private CnnStills() {
    }

    /**
     * Every layer's feature maps (or only {@code layer}) for training sample {@code sample} (from 1).
     *
     * @throws IllegalArgumentException in words for a network that takes no image, a sample or layer that is not there
     */
    public static Exportable featureMaps(TrainingLoop loop, String layer, int sample) {
        int n = loop.data().trainSize();
        if (sample < 1 || sample > n) {
            throw new IllegalArgumentException("--sample must be between 1 and " + n + " (the training samples), got "
                    + sample);
        }
        String why = CnnViewModel.whyNot(loop.compilation());
        if (!why.isEmpty()) {
            throw new IllegalArgumentException(why);
        }
        Map<String, TensorCopy> outputs = loop.evaluate(new Probe.SampleActivations(List.of(sample - 1), Set.of(),
                1));
        CnnViewModel model = new CnnViewModel(loop.compilation(), loop.data(), outputs);
        FeatureMapsView view = new FeatureMapsView(model);
        view.showOnly(layer);
        return laidOut(view);
    }

    /** The conv kernels, the first dense layer as images when it reads a square image, and a weight matrix. */
    public static Exportable kernels(TrainingLoop loop) {
        Map<String, TensorCopy> params = loop.evaluate(new Probe.Parameters(Set.of(), 1));
        return laidOut(new KernelsView(new WeightsViewModel(params, loop.compilation().document().inputShape())));
    }

    /**
     * The confusion matrix, per-class metrics, ROC and PR curves on the validation split.
     *
     * @throws IllegalArgumentException in words when the task is not classification
     */
    public static Exportable confusion(TrainingLoop loop) {
        Predictions p = loop.evaluate(new Probe.ValidationPredictions(1));
        if (p == null) {
            throw new IllegalArgumentException("the network does not classify (its data has no classes), so there "
                    + "is no confusion matrix");
        }
        return laidOut(new EvaluationView(new EvaluationViewModel(p, loop.data())));
    }

    private static <V extends Region & Exportable> V laidOut(V view) {
        Scene scene = new Scene(view);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return view;
    }
}
