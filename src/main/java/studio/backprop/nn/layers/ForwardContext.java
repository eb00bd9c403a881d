package studio.backprop.nn.layers;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Rng;

/**
 * What a forward pass needs besides its inputs: training or inference mode (dropout and batch norm behave
 * differently), the generator dropout and noise draw from, and the list into which layers put extra scalar loss
 * terms (a VAE's KL term, a sparsity penalty) that training adds to the loss.
 */
public record ForwardContext(boolean training, Rng rng, List<Variable> lossTerms) {

    public ForwardContext(boolean training, Rng rng) {
        this(training, rng, new ArrayList<>());
    }

    public static ForwardContext training(Rng rng) {
        return new ForwardContext(true, rng);
    }

    public static ForwardContext inference() {
        return new ForwardContext(false, new Rng(0));
    }

    /** Adds a scalar term to the training loss; returns it. */
    public Variable addLossTerm(Variable term) {
        lossTerms.add(term);
        return term;
    }
}
