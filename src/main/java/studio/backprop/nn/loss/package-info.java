/**
 * Loss functions and information measures, built as graphs of existing autograd ops so backward comes for free.
 *
 * <p>Conventions, as in the course: batches are rows, predictions and targets are (N × outputs) or (N) and must
 * have the same shape; logs are natural (nats) unless a {@link studio.backprop.nn.loss.Base} says bits; every loss
 * states its {@link studio.backprop.nn.loss.Reduction} and describes itself in words; bad input fails with a
 * message that names the loss, the offending value and its row (rows and columns counted from 1, class labels from
 * 0 as array indices). {@link studio.backprop.nn.loss.Losses} finds losses by their stable names.
 *
 * <p>The package uses only the tensor, autograd and kernel packages.
 */
package studio.backprop.nn.loss;
