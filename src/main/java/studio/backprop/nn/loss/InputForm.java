package studio.backprop.nn.loss;

/**
 * What a cross-entropy loss receives as predictions: probabilities already squashed by a sigmoid or softmax, or
 * the raw logits z before it. From logits the loss fuses the squashing in, which never takes log 0 and gives the
 * clean gradient (a − y)/n; from probabilities it must clip them away from 0 and 1 first.
 */
public enum InputForm {
    PROBABILITIES, LOGITS
}
