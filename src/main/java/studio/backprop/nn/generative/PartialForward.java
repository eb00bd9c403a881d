package studio.backprop.nn.generative;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Network;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.tensor.Tensor;

/**
 * Runs the part of a network that follows one of its nodes, from values given for that node: an autoencoder's
 * decoder from a code the user typed, a VAE's decoder from points of its latent plane. Every later node whose
 * inputs are all known is run, in inference mode; the result is the network's output.
 */
public final class PartialForward {

    private PartialForward() {
    }

    /**
     * @param net   a built network
     * @param from  the name of the node whose values are given (e.g. the code layer "z")
     * @param codes (N, …that node's output shape)
     * @return the network's output (N, …output shape)
     * @throws IllegalArgumentException when the network's output does not follow from that node alone
     */
    public static Tensor decode(Network net, String from, Tensor codes) {
        Map<String, Variable> known = new HashMap<>();
        known.put(from, Variable.constant(codes, from));
        boolean after = false;
        ForwardContext context = ForwardContext.inference();
        Variable last = null;
        for (Network.Node node : net.nodes()) {
            if (node.name().equals(from)) {
                after = true;
                continue;
            }
            if (after && known.keySet().containsAll(node.inputs())) {
                List<Variable> in = node.inputs().stream().map(known::get).toList();
                last = node.layer().forward(in, context);
                known.put(node.name(), last);
            }
        }
        String output = net.nodes().get(net.nodes().size() - 1).name();
        if (!known.containsKey(output)) {
            throw new IllegalArgumentException("the output '" + output + "' does not follow from '" + from
                    + "' alone; decode from a layer every path to the output passes through");
        }
        return last.value();
    }
}
