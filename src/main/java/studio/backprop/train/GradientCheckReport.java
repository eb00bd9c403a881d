package studio.backprop.train;

import java.util.Comparator;
import java.util.List;

/**
 * The outcome of a gradient check of the open network: for each checked parameter element, the derivative of the
 * loss that backpropagation gives and the central finite difference (L(θ + h) − L(θ − h)) / 2h, their relative
 * error and a verdict, worst first.
 *
 * @param rows        every checked element, worst relative error first
 * @param samples     how many training samples the loss was taken over (the first ones of the file)
 * @param step        the finite-difference step h
 * @param elements    how many parameter elements the network has in all (more than {@code rows} when sampled)
 * @param sabotaged   whether the demonstration bug was on (the loss's backward rule forgetting the ½)
 * @param loss        the loss at the unperturbed weights
 * @param note        what a student should know about the check (float32 engine, sampling), one sentence
 */
public record GradientCheckReport(List<Row> rows, int samples, double step, long elements, boolean sabotaged,
                                  double loss, String note) {

    /** Relative errors up to this are what correct float32 code gives: the derivative agrees. */
    public static final double AGREES = 1e-2;
    /** Relative errors up to this are doubtful (a kink of ReLU or max nearby, or float32 noise); above: wrong. */
    public static final double DOUBTFUL = 1e-1;
    /** Differences smaller than this in absolute value agree whatever their relative size (both near zero). */
    public static final double ABSOLUTE_FLOOR = 1e-4;

    public GradientCheckReport {
        rows = rows.stream().sorted(Comparator.comparingDouble(Row::relativeError).reversed()).toList();
    }

    /**
     * How one derivative compares. Where the loss is not smooth within ±h (a ReLU input at or near 0, a tie in max
     * pooling, float32 rounding when h is tiny) the finite difference itself is unreliable: the central differences
     * with h and with h/2 then disagree, and the verdict is {@link #KINK} rather than a judgement of backprop.
     */
    public enum Verdict {
        AGREES("agrees"), KINK("kink: cannot judge"), DOUBTFUL("doubtful"), WRONG("wrong");

        private final String word;

        Verdict(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One parameter element: {@code parameter[index]} with its backprop and finite-difference derivatives.
     *
     * @param parameter the parameter's name, e.g. {@code hidden/kernel}
     * @param index     the element's position, e.g. {@code [1, 0]}
     * @param value     the element's value at the check
     * @param halfStep  the same central difference with h/2, which a smooth loss makes agree with the first
     * @param gap       right minus left one-sided difference with h: about h·L″ where L is smooth, a jump at a kink
     * @param halfGap   the same with h/2: half of {@code gap} where L is smooth, as large at a kink
     */
    public record Row(String parameter, int[] index, double value, double backprop, double finiteDifference,
                      double halfStep, double gap, double halfGap) {

        public Row {
            index = index.clone();
        }

        @Override
        public int[] index() {
            return index.clone();
        }

        public double absoluteError() {
            return Math.abs(backprop - finiteDifference);
        }

        /** |backprop − numeric| / max(|backprop|, |numeric|); 0 when both are 0. */
        public double relativeError() {
            double scale = Math.max(Math.abs(backprop), Math.abs(finiteDifference));
            return scale == 0 ? 0 : absoluteError() / scale;
        }

        public Verdict verdict() {
            if (absoluteError() <= ABSOLUTE_FLOOR || relativeError() <= AGREES) {
                return Verdict.AGREES;
            }
            if (atKink()) {
                return Verdict.KINK;
            }
            return relativeError() <= DOUBTFUL ? Verdict.DOUBTFUL : Verdict.WRONG;
        }

        /**
         * Whether the loss is not smooth enough here to judge: the central differences with h and h/2 disagree (a
         * kink within ±h), the left and right slopes differ by a gap that does not shrink with h (a kink at θ), or
         * the gap does not halve with h as a smooth loss's does (gap ≈ h·L″). The last catches a weight that moves
         * many ReLU inputs across zero within ±h: each crossing is a small kink, and together they can bend both
         * central differences alike, away from the derivative at θ (a LeNet c1 kernel weight over four digits).
         */
        public boolean atKink() {
            double scale = Math.max(Math.abs(finiteDifference), Math.abs(halfStep));
            double tolerance = ABSOLUTE_FLOOR + AGREES * scale;
            boolean unsteady = Math.abs(finiteDifference - halfStep) > tolerance;
            boolean jump = Math.abs(halfGap) > tolerance && Math.abs(halfGap) > 0.75 * Math.abs(gap);
            boolean bent = Math.abs(halfGap - gap / 2) > tolerance;
            return unsteady || jump || bent;
        }

        /** {@code hidden/kernel[1, 0]} */
        public String label() {
            StringBuilder sb = new StringBuilder(parameter).append('[');
            for (int i = 0; i < index.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(index[i]);
            }
            return sb.append(']').toString();
        }
    }

    /** How many rows have the verdict. */
    public long count(Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** The worst verdict of all rows ({@link Verdict#AGREES} when there are none). */
    public Verdict overall() {
        return rows.stream().map(Row::verdict).max(Comparator.naturalOrder()).orElse(Verdict.AGREES);
    }
}
