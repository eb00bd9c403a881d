package studio.backprop.nn.perceptron;

/**
 * How a perceptron training run ended.
 *
 * <p>{@code converged} is true when the last epoch made no update: the final w, b classify every sample
 * correctly. It is false when the run stopped at the epoch cap; a single perceptron never converges on data
 * that no line (hyperplane) separates, such as XOR.
 *
 * @param converged    whether the last epoch made no update
 * @param epochsRun    how many epochs were completed, including the final epoch without updates
 * @param weights      the final w
 * @param bias         the final b
 * @param totalUpdates the number of updates over the whole run
 */
public record TrainingResult(boolean converged, int epochsRun, Vec weights, double bias, int totalUpdates) {
}
