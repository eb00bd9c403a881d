package studio.backprop.spec;

import java.util.List;
import studio.backprop.nn.Network;
import studio.backprop.nn.ShapeReport;
import studio.backprop.nn.loss.Loss;
import studio.backprop.nn.loss.OutputKind;
import studio.backprop.nn.optim.Optimizer;

/**
 * What compiling a document produced: the runnable parts (null where a problem prevented them), the shape report
 * the editor draws on connections, and every problem attached to what it concerns.
 */
public record Compilation(NetworkDocument document, Network network, ShapeReport shapes, Loss loss,
                          Optimizer optimizer, TrainingPlan plan, List<Problem> problems) {

    public Compilation {
        problems = List.copyOf(problems);
    }

    /** True when nothing stops training (warnings allowed). */
    public boolean trainable() {
        return network != null && (perceptron() || loss != null && optimizer != null)
                && problems.stream().noneMatch(Problem::error);
    }

    /** True when the document asks for the perceptron learning rule instead of gradient descent. */
    public boolean perceptron() {
        return document.optimizer().type().trim().equalsIgnoreCase("perceptron");
    }

    /**
     * How the network's outputs read: the perceptron's ŷ as 0/1 (or ±1 scores), otherwise as the loss says; values
     * (regression) when there is no loss yet.
     */
    public OutputKind outputKind() {
        if (perceptron()) {
            boolean signs = document.layers().stream().anyMatch(l -> "-1/+1".equals(l.setting("labels")));
            return signs ? OutputKind.SCORE : OutputKind.PROBABILITY;
        }
        return loss == null ? OutputKind.VALUE : loss.outputKind();
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::error).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.error()).toList();
    }

    /** The problems of one layer or part. */
    public List<Problem> problemsOf(String subject) {
        return problems.stream().filter(p -> p.subject().equals(subject)).toList();
    }

    /** Why training is not possible, in one paragraph; empty when it is. */
    public String whyNotTrainable() {
        return String.join("\n", errors().stream().map(Problem::message).toList());
    }
}
