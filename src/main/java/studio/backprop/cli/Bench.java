package studio.backprop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import studio.backprop.kernels.Gemm;
import studio.backprop.kernels.KernelPool;

/**
 * The {@code bench} command: machine facts, then one table per workload section. Times with
 * {@link System#nanoTime}: each measurement warms up first, then repeats until a time budget is spent and
 * reports the best and the median run.
 *
 * <p>New workloads go in as another {@code xxxSection()} method called from {@link #run()}, using
 * {@link #section}, {@link #measure} and {@link #row} for a uniform look.
 */
public final class Bench {

    /** Best and median wall time of one operation, in nanoseconds. */
    record Timing(long bestNanos, long medianNanos) {

        double bestRate(double work) {
            return work / bestNanos;
        }

        double medianRate(double work) {
            return work / medianNanos;
        }
    }

    private static final int[] DEFAULT_SIZES = {256, 512, 1024};
    private static final long DEFAULT_BUDGET_NANOS = 700_000_000L;

    /** The sections {@link #run()} can print, in the order it prints them (the machine facts always come first). */
    public static final List<String> SECTIONS = List.of("training", "gemm", "conv");

    private final PrintStream out;
    private final int[] gemmSizes;
    private final long budgetNanos;
    private int threads = KernelPool.threads();
    private Set<String> sections = Set.copyOf(SECTIONS);

    /**
     * @param out         where the report goes
     * @param gemmSizes   square GEMM sizes to time
     * @param budgetNanos time spent per measurement after warm-up (at least one run is always made)
     */
    public Bench(PrintStream out, int[] gemmSizes, long budgetNanos) {
        this.out = out;
        this.gemmSizes = gemmSizes.clone();
        this.budgetNanos = budgetNanos;
    }

    /** The standard benchmark: sizes 256, 512, 1024, about a minute in all. */
    public static Bench standard(PrintStream out) {
        return new Bench(out, DEFAULT_SIZES, DEFAULT_BUDGET_NANOS);
    }

    /**
     * The kernel pool's thread count for the multithreaded rows (the training rows are also measured on one
     * thread). The pool is set to this count while the benchmark runs.
     *
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public Bench threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("bench: the thread count must be at least 1, got " + count);
        }
        this.threads = count;
        return this;
    }

    /**
     * Restricts the run to some of {@link #SECTIONS}.
     *
     * @throws IllegalArgumentException naming the unknown section and the known ones
     */
    public Bench only(Set<String> names) {
        for (String name : names) {
            if (!SECTIONS.contains(name)) {
                throw new IllegalArgumentException("bench: there is no section '" + name + "'; the sections are "
                        + String.join(", ", SECTIONS));
            }
        }
        this.sections = Set.copyOf(names);
        return this;
    }

    /**
     * Prints the machine facts and every section. Training runs first, in a JVM whose compiler has seen only the
     * training code, as in the application: after the GEMM and convolution sections, C2 was seen to compile the
     * vectorised tanh without some Vector API intrinsics (boxing every vector) for the rest of the run.
     */
    public void run() {
        int saved = KernelPool.threads();
        KernelPool.setThreads(threads);
        try {
            machineSection();
            if (sections.contains("training")) {
                trainingSection();
            }
            if (sections.contains("gemm")) {
                gemmSection();
            }
            if (sections.contains("conv")) {
                convSection();
            }
        } finally {
            KernelPool.setThreads(saved);
        }
    }

    private void convSection() {
        section("conv2d forward + backward (input, weights, bias), batch 64, float32");
        row("threads", "layer", "images/s", "GFLOP/s");
        for (ConvWorkload w : new ConvWorkload[] {ConvWorkload.lenetFirst(), ConvWorkload.lenetSecond()}) {
            for (int t : new int[] {1, KernelPool.threads()}) {
                ConvWorkload.Result r = w.measure(t, budgetNanos / 1e9);
                out.printf("  %-7d %-36s %10.0f %10.1f%n", t, r.name(), r.imagesPerSecond(), r.gflops());
            }
        }
    }

    /**
     * The training rows on all the pool's threads, then on one thread (when that is a different count). The
     * thread count leads each row, so a script that reads the first row of a workload reads the all-threads one.
     */
    private void trainingSection() {
        section("Training steps (forward, loss, backward, SGD update), "
                + (threads == 1 ? "1 thread" : threads + " threads and 1 thread"));
        out.printf("  %-7s %-34s %12s %16s %14s%n", "threads", "workload", "steps/s", "s per 60k samples",
                "bytes/step");
        double budget = 3 * budgetNanos / 1e9;
        for (int t : threads == 1 ? new int[] {1} : new int[] {threads, 1}) {
            KernelPool.setThreads(t);
            try {
                for (TrainingWorkloads.Result r : new TrainingWorkloads.Result[] {TrainingWorkloads.tinyMlp(budget),
                    TrainingWorkloads.mlp(budget), TrainingWorkloads.lenet(budget), TrainingWorkloads.lstm(budget),
                    TrainingWorkloads.transformerBlock(budget), GenerativeWorkloads.convAutoencoder(budget),
                    GenerativeWorkloads.ringGan(budget)}) {
                    out.printf("  %-7d %-34s %12.0f %16.3f %14.0f%n", t, r.name(), r.stepsPerSecond(),
                            r.secondsPerEpoch(), r.bytesPerStep());
                }
            } finally {
                KernelPool.setThreads(threads);
            }
        }
    }

    private void machineSection() {
        section("Machine");
        out.printf("  JVM      %s %s (%s)%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("java.vm.vendor"));
        out.printf("  CPU      %s, %d hardware threads, %s%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"));
        out.printf("  heap     %d MiB max%n", Runtime.getRuntime().maxMemory() >> 20);
        out.printf("  threads  KernelPool uses %d%n", KernelPool.threads());
        out.printf("  GEMM     %s%n", Gemm.describe());
        out.printf("  JIT      %s%n", trapLimitNote());
    }

    /** Below this PerMethodTrapLimit a workload measured after others may run with boxed vectors (see README). */
    private static final int SUGGESTED_TRAP_LIMIT = 1000;

    /** The C2 trap limit in force and, when it is below the suggested one, the flag that raises it. */
    private static String trapLimitNote() {
        String value = null;
        try {
            java.lang.management.PlatformManagedObject bean = java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (bean instanceof com.sun.management.HotSpotDiagnosticMXBean hotspot) {
                value = hotspot.getVMOption("PerMethodTrapLimit").getValue();
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            value = null;
        }
        if (value == null) {
            return "PerMethodTrapLimit not reported by this JVM";
        }
        try {
            if (Integer.parseInt(value.trim()) >= SUGGESTED_TRAP_LIMIT) {
                return "PerMethodTrapLimit=" + value;
            }
        } catch (NumberFormatException e) {
            return "PerMethodTrapLimit=" + value;
        }
        return "PerMethodTrapLimit=" + value + ": rows measured after other workloads may box vectors; run with "
                + "-XX:PerMethodTrapLimit=" + SUGGESTED_TRAP_LIMIT;
    }

    private void gemmSection() {
        section("GEMM  C(n×n) = A·B, float32, GFLOP/s: best (median)");
        boolean vector = Gemm.vectorAvailable();
        int all = KernelPool.threads();
        String[] headers = {"n", "vector 1T", "vector " + all + "T", "plain 1T", "EJML 1T", "EJML MT",
                "max |Δ| vs EJML"};
        row(headers);
        warmUpKernels(vector);
        for (int n : gemmSizes) {
            gemmRow(n, vector, all);
        }
        if (!vector) {
            out.println("  (vector columns empty: run with --add-modules=jdk.incubator.vector)");
        }
    }

    private void gemmRow(int n, boolean vector, int allThreads) {
        SplittableRandom rnd = new SplittableRandom(n);
        FMatrixRMaj a = randomMatrix(rnd, n);
        FMatrixRMaj b = randomMatrix(rnd, n);
        FMatrixRMaj ejml = new FMatrixRMaj(n, n);
        float[] c = new float[n * n];
        double flops = 2.0 * n * n * n;
        String v1 = "-";
        String vAll = "-";
        if (vector) {
            Runnable op = () -> Gemm.gemmVector(false, false, n, n, n, a.data, 0, b.data, 0, c, 0, false);
            v1 = gflops(withThreads(1, op), flops);
            vAll = gflops(withThreads(allThreads, op), flops);
        }
        String plain = gflops(withThreads(1,
                () -> Gemm.gemmPlain(false, false, n, n, n, a.data, 0, b.data, 0, c, 0, false)), flops);
        String ejml1 = gflops(() -> CommonOps_FDRM.mult(a, b, ejml), flops);
        String ejmlMt = gflops(() -> CommonOps_MT_FDRM.mult(a, b, ejml), flops);
        Gemm.gemm(false, false, n, n, n, a.data, 0, b.data, 0, c, 0, false);
        row(String.valueOf(n), v1, vAll, plain, ejml1, ejmlMt, String.format("%.1e", maxAbsDiff(c, ejml.data)));
    }

    /** Gets the kernels compiled on a small size, so no timed run pays for the interpreter. */
    private void warmUpKernels(boolean vector) {
        int n = 96;
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        float[] c = new float[n * n];
        Arrays.fill(a, 0.5f);
        Arrays.fill(b, 0.25f);
        long end = System.nanoTime() + Math.min(budgetNanos, 500_000_000L);
        do {
            if (vector) {
                Gemm.gemmVector(false, false, n, n, n, a, 0, b, 0, c, 0, false);
            }
            Gemm.gemmPlain(false, false, n, n, n, a, 0, b, 0, c, 0, false);
        } while (System.nanoTime() < end);
    }

    /** Prints a section title; sections are separated by a blank line. */
    void section(String title) {
        out.println();
        out.println(title);
        out.println("-".repeat(title.length()));
    }

    /** Prints one table row: the first cell left-aligned, the rest right-aligned in fixed-width columns. */
    void row(String... cells) {
        StringBuilder line = new StringBuilder(String.format("  %-6s", cells[0]));
        for (int i = 1; i < cells.length; i++) {
            line.append(String.format("%17s", cells[i]));
        }
        out.println(line);
    }

    /**
     * Warms {@code op} up (two runs, or more while under a fifth of the budget), then repeats it until the
     * budget is spent and at least three runs are timed.
     */
    Timing measure(Runnable op) {
        long warmEnd = System.nanoTime() + budgetNanos / 5;
        for (int i = 0; i < 2 || System.nanoTime() < warmEnd; i++) {
            op.run();
        }
        long[] runs = new long[64];
        int count = 0;
        long end = System.nanoTime() + budgetNanos;
        while (count < runs.length && (count < 3 || System.nanoTime() < end)) {
            long t0 = System.nanoTime();
            op.run();
            runs[count++] = System.nanoTime() - t0;
        }
        long[] sorted = Arrays.copyOf(runs, count);
        Arrays.sort(sorted);
        return new Timing(sorted[0], sorted[count / 2]);
    }

    private String gflops(Runnable op, double flops) {
        Timing t = measure(op);
        return String.format("%.1f (%.1f)", t.bestRate(flops), t.medianRate(flops));
    }

    private static Runnable withThreads(int threads, Runnable op) {
        return () -> {
            int saved = KernelPool.threads();
            KernelPool.setThreads(threads);
            try {
                op.run();
            } finally {
                KernelPool.setThreads(saved);
            }
        };
    }

    private static FMatrixRMaj randomMatrix(SplittableRandom rnd, int n) {
        FMatrixRMaj m = new FMatrixRMaj(n, n);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return m;
    }

    private static double maxAbsDiff(float[] x, float[] y) {
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }

    private static String cpuModel() {
        Path info = Path.of("/proc", "cpuinfo");
        if (Files.isReadable(info)) {
            try (Stream<String> lines = Files.lines(info)) {
                return lines.filter(l -> l.startsWith("model name")).findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
            } catch (IOException | RuntimeException e) {
                return "unknown CPU";
            }
        }
        return "unknown CPU";
    }
}
