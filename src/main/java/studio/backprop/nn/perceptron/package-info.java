/**
 * The perceptron learning rule as its own trainer, with a full per-sample trace for exercises.
 *
 * <p>Conventions, as in the course: the bias b is a separate parameter; z = w·x + b; with labels {0, 1}
 * ŷ = 1 iff z &gt; 0 (step(0) = 0), with labels {−1, +1} ŷ = sign(z) with sign(0) = +1; the rule is
 * w ← w + η(y − ŷ)x, b ← b + η(y − ŷ), with η = 1 and zero initial weights unless set.
 *
 * <p>Counting: Java indices (sample indices in trace rows, {@link studio.backprop.nn.perceptron.Vec#get})
 * start at 0; everything a student reads or types (row numbers in messages, explicit sample orders,
 * {@link studio.backprop.nn.perceptron.SampleStep#sampleNumber()}, epochs and steps) starts at 1.
 *
 * <p>All arithmetic is in double, summed left to right with b added last, so hand calculations done in
 * the same order give the same numbers. The package uses only the JDK.
 */
package studio.backprop.nn.perceptron;
