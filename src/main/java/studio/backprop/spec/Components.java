package studio.backprop.spec;

import java.util.List;
import java.util.Locale;
import studio.backprop.nn.loss.Base;
import studio.backprop.nn.loss.Loss;
import studio.backprop.nn.loss.LossSettings;
import studio.backprop.nn.loss.Losses;
import studio.backprop.nn.loss.Reduction;
import studio.backprop.nn.optim.AdaDelta;
import studio.backprop.nn.optim.AdaGrad;
import studio.backprop.nn.optim.Adam;
import studio.backprop.nn.optim.InverseTimeDecay;
import studio.backprop.nn.optim.LearningRateSchedule;
import studio.backprop.nn.optim.Optimizer;
import studio.backprop.nn.optim.Penalty;
import studio.backprop.nn.optim.RmsProp;
import studio.backprop.nn.optim.Sgd;

/** Builds the loss and the optimiser from the document's [loss] and [optimizer] sections. */
final class Components {

    static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam",
            "adadelta", "perceptron");

    private Components() {
    }

    /** The loss, or null with a problem added. Settings: reduction (mean|sum), half, unit (nats|bits). */
    static Loss loss(ComponentSpec spec, List<Problem> problems) {
        TrainingPlan.Reader r = new TrainingPlan.Reader(spec, problems, "loss");
        String reduction = spec.get("reduction", "mean").trim().toLowerCase(Locale.ROOT);
        String unit = spec.get("unit", "nats").trim().toLowerCase(Locale.ROOT);
        boolean half = r.bool("half", false);
        r.rejectUnknown("reduction", "half", "unit");
        if (!reduction.equals("mean") && !reduction.equals("sum")) {
            problems.add(Problem.error("loss", "reduction: '" + reduction + "' is neither mean nor sum"));
            return null;
        }
        if (!unit.equals("nats") && !unit.equals("bits")) {
            problems.add(Problem.error("loss", "unit: '" + unit + "' is neither nats nor bits"));
            return null;
        }
        try {
            return Losses.create(new LossSettings(spec.type(), reduction.equals("sum") ? Reduction.SUM
                    : Reduction.MEAN, half, unit.equals("bits") ? Base.BITS : Base.NATS));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error("loss", e.getMessage()));
            return null;
        }
    }

    /**
     * The optimiser, or null with a problem added. Settings: learning_rate, momentum, beta1, beta2, epsilon, rho,
     * initial_accumulator, l1, l2, weight_decay, clip_norm (0: off), schedule (constant|step|exponential|inverse_time),
     * decay_rate, decay_steps, staircase, nesterov (sgd and momentum).
     */
    static Optimizer optimizer(ComponentSpec spec, List<Problem> problems) {
        TrainingPlan.Reader r = new TrainingPlan.Reader(spec, problems, "optimizer");
        String type = spec.type().trim().toLowerCase(Locale.ROOT);
        if (!OPTIMIZERS.contains(type)) {
            problems.add(Problem.error("optimizer", "unknown optimizer '" + spec.type() + "'; choose one of "
                    + String.join(", ", OPTIMIZERS)));
            return null;
        }
        if (type.equals("perceptron")) {
            r.rejectUnknown("learning_rate");
            if (r.decimal("learning_rate", 1, 0, Double.MAX_VALUE) == 0) {
                problems.add(Problem.error("optimizer", "learning_rate: 0 must be greater than 0; with η = 0 the "
                        + "perceptron rule never moves the unit"));
            }
            return null;
        }
        r.rejectUnknown("learning_rate", "momentum", "beta1", "beta2", "epsilon", "rho", "initial_accumulator", "l1",
                "l2", "weight_decay", "clip_norm", "schedule", "decay_rate", "decay_steps", "staircase", "nesterov");
        int before = problems.size();
        OptimizerSettings.warnAboutForeignSettings(spec, problems);
        boolean adadelta = type.equals("adadelta");
        double lr = r.decimal("learning_rate", adadelta ? 1.0 : type.equals("sgd") || type.equals("momentum")
                || type.equals("nesterov") ? 0.01 : 0.001, 0, Double.MAX_VALUE);
        double eps = r.decimal("epsilon", adadelta ? 1e-6 : 1e-7, 0, 1);
        boolean nesterov = r.bool("nesterov", type.equals("nesterov"));
        try {
            Optimizer opt = switch (type) {
                case "sgd" -> new Sgd(lr, r.decimal("momentum", nesterov ? 0.9 : 0, 0, 0.9999), nesterov);
                case "momentum", "nesterov" -> new Sgd(lr, r.decimal("momentum", 0.9, 0, 0.9999), nesterov);
                case "adadelta" -> new AdaDelta(lr, r.decimal("rho", 0.95, 0, 0.9999), eps);
                case "adagrad" -> new AdaGrad(lr, r.decimal("initial_accumulator", 0.1, 0, 1e6), eps);
                case "rmsprop" -> new RmsProp(lr, r.decimal("rho", 0.9, 0, 0.9999), eps);
                default -> new Adam(lr, r.decimal("beta1", 0.9, 0, 0.9999), r.decimal("beta2", 0.999, 0, 0.99999),
                        eps);
            };
            opt.setPenalty(new Penalty(r.decimal("l1", 0, 0, 1e3), r.decimal("l2", 0, 0, 1e3)));
            opt.setWeightDecay(r.decimal("weight_decay", 0, 0, 1));
            opt.setClipNorm(r.decimal("clip_norm", 0, 0, 1e9));
            LearningRateSchedule schedule = schedule(spec, r, lr, problems);
            if (schedule != null) {
                opt.setSchedule(schedule);
            }
            return problems.subList(before, problems.size()).stream().anyMatch(Problem::error) ? null : opt;
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error("optimizer", e.getMessage()));
            return null;
        }
    }

    /**
     * The schedule, or null for a constant rate. Each schedule reads only its own settings and checks their
     * range: decay_rate γ ∈ (0, 1] for step and exponential decay, k ≥ 0 (any size) for inverse_time.
     */
    private static LearningRateSchedule schedule(ComponentSpec spec, TrainingPlan.Reader r, double lr,
                                                 List<Problem> problems) {
        String kind = spec.get("schedule", "constant").trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "constant" -> null;
            case "step" -> LearningRateSchedule.stepDecay(lr, r.decimal("decay_rate", 0.5, 1e-9, 1),
                    r.integer("decay_steps", 100, 1));
            case "exponential" -> LearningRateSchedule.exponentialDecay(lr, r.decimal("decay_rate", 0.5, 1e-9, 1),
                    r.integer("decay_steps", 100, 1), r.bool("staircase", false));
            case "inverse_time" -> new InverseTimeDecay(lr, r.decimal("decay_rate", 0.01, 0, 1e6),
                    r.integer("decay_steps", 1, 1), r.bool("staircase", false));
            default -> {
                problems.add(Problem.error("optimizer", "schedule: '" + kind + "' is not constant, step, "
                        + "exponential or inverse_time"));
                yield null;
            }
        };
    }
}
