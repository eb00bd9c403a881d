/**
 * Evaluation metrics for trained networks: accuracy, the confusion matrix with per-class precision, recall and F1,
 * ROC and precision–recall curves with their areas, regression errors, running accumulators for evaluation in
 * batches, and plain-text tables for the command line.
 *
 * <p>Conventions, as in the course: arguments are predictions first, then targets; a binary probability p means
 * class 1 iff p ≥ 0.5 (threshold configurable); argmax is 0-indexed with ties to the lowest index; the confusion
 * matrix has true classes as rows and predicted classes as columns; a ratio that is 0/0 is NaN, printed "n/a",
 * never a silent 0. Bad input fails with an {@link java.lang.IllegalArgumentException} that says what is wrong in
 * words, counting rows from 1 and class indices from 0. Results are immutable.
 *
 * <p>The package uses only the tensor package and the JDK.
 */
package studio.backprop.train.metrics;
