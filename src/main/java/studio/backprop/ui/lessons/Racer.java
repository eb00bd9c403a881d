package studio.backprop.ui.lessons;

import java.util.List;
import studio.backprop.nn.optim.AdaDelta;
import studio.backprop.nn.optim.AdaGrad;
import studio.backprop.nn.optim.Adam;
import studio.backprop.nn.optim.Optimizer;
import studio.backprop.nn.optim.RmsProp;
import studio.backprop.nn.optim.Sgd;

/**
 * The optimisers of the race, each built from the engine's own classes with a learning rate η and up to two more
 * settings (μ; G₀ and ε; ρ and ε; β₁, β₂ and ε are shown with their usual symbols).
 */
public enum Racer {
    SGD("SGD", List.of(), new double[] {}),
    MOMENTUM("momentum", List.of("μ"), new double[] {0.9}),
    NESTEROV("Nesterov", List.of("μ"), new double[] {0.9}),
    ADAGRAD("AdaGrad", List.of("G₀", "ε"), new double[] {0.1, 1e-7}),
    RMSPROP("RMSProp", List.of("ρ", "ε"), new double[] {0.9, 1e-7}),
    ADADELTA("AdaDelta", List.of("ρ", "ε"), new double[] {0.95, 1e-4}),
    ADAM("Adam", List.of("β₁", "β₂"), new double[] {0.9, 0.999});

    private final String label;
    private final List<String> settingNames;
    private final double[] defaults;

    Racer(String label, List<String> settingNames, double[] defaults) {
        this.label = label;
        this.settingNames = settingNames;
        this.defaults = defaults;
    }

    /** The engine's optimiser with η and the settings, in the order of {@link #settingNames()}. */
    public Optimizer create(double eta, double... settings) {
        return switch (this) {
            case SGD -> new Sgd(eta);
            case MOMENTUM -> Sgd.withMomentum(eta, settings[0]);
            case NESTEROV -> Sgd.nesterov(eta, settings[0]);
            case ADAGRAD -> new AdaGrad(eta, settings[0], settings[1]);
            case RMSPROP -> new RmsProp(eta, settings[0], settings[1]);
            case ADADELTA -> new AdaDelta(eta, settings[0], settings[1]);
            case ADAM -> new Adam(eta, settings[0], settings[1], 1e-7);
        };
    }

    /**
     * A learning rate that suits {@code surface}: the plain-gradient rules take a fraction of the surface's good
     * rate (their step is η·g, so it must respect the curvature); the adaptive ones take a step length in θ's units
     * (their step is about η whatever the gradient's size); AdaDelta needs none (η = 1).
     */
    public double defaultEta(Objective surface) {
        return switch (this) {
            case SGD -> surface.goodEta();
            case MOMENTUM, NESTEROV -> surface.goodEta() / 5;
            case ADAGRAD -> 0.2;
            case RMSPROP -> 0.02;
            case ADADELTA -> 1;
            case ADAM -> 0.05;
        };
    }

    /** The default settings besides η. */
    public double[] defaultSettings() {
        return defaults.clone();
    }

    /** The names of the settings besides η. */
    public List<String> settingNames() {
        return settingNames;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
