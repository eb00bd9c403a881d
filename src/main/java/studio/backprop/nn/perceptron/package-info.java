/**
 * Perceptrons with fixed weights, for the logic-gate lessons: one threshold unit ({@link
 * studio.backprop.nn.perceptron.Perceptron}), the two label conventions, the gates' truth tables, a half adder wired
 * from NAND units, and the update forms of the perceptron rule ({@link
 * studio.backprop.nn.perceptron.PerceptronUpdate}). Training a Perceptron unit is {@code train.PerceptronRule}'s
 * job, driven by the training loop like every other rule.
 *
 * <p>Conventions, as in the course: the bias b is a separate parameter; z = w·x + b; with labels {0, 1}
 * ŷ = 1 iff z &gt; 0 (step(0) = 0), with labels {−1, +1} ŷ = sign(z) with sign(0) = +1.
 *
 * <p>Counting: Java indices ({@link studio.backprop.nn.perceptron.Vec#get}, {@link
 * studio.backprop.nn.perceptron.TrainingSet#input}) start at 0; everything a student reads (row numbers in messages)
 * starts at 1.
 *
 * <p>All arithmetic is in double, summed left to right with b added last, so hand calculations done in
 * the same order give the same numbers. The package uses only the JDK.
 */
package studio.backprop.nn.perceptron;
