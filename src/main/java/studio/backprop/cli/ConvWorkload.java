package studio.backprop.cli;

import studio.backprop.kernels.Conv2d;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.kernels.KernelPool;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * The convolution workload of the benchmark: forward plus all three backward passes of a LeNet-sized layer
 * on a batch of 64, reported as images per second and GFLOP/s (2 FLOPs per multiply-add; the forward pass and
 * the two GEMM-shaped backward passes each cost n·oH·oW·kh·kw·Cin·Cout multiply-adds).
 */
final class ConvWorkload {

    /** One measured layer. */
    record Result(String name, int threads, double imagesPerSecond, double gflops) {
    }

    private final String name;
    private final int n;
    private final int h;
    private final int w;
    private final int cin;
    private final int cout;
    private final ConvGeometry g;
    private final float[] x;
    private final float[] weights;
    private final float[] bias;
    private final float[] y;
    private final float[] dy;
    private final float[] dx;
    private final float[] dW;
    private final float[] db;
    private final float[] workspace;

    ConvWorkload(String name, int n, int h, int w, int cin, int cout, ConvGeometry g) {
        this.name = name;
        this.n = n;
        this.h = h;
        this.w = w;
        this.cin = cin;
        this.cout = cout;
        this.g = g;
        Rng rng = new Rng(3);
        int outSize = n * g.outH(h) * g.outW(w) * cout;
        x = Tensor.uniform(rng, -1, 1, n * h * w * cin).buffer();
        weights = Tensor.uniform(rng, -1, 1, g.kernelH() * g.kernelW() * cin * cout).buffer();
        bias = new float[cout];
        y = new float[outSize];
        dy = Tensor.uniform(rng, -1, 1, outSize).buffer();
        dx = new float[x.length];
        dW = new float[weights.length];
        db = new float[cout];
        workspace = new float[Conv2d.workspaceSize(n, h, w, cin, g)];
    }

    /** The first convolution of LeNet-5 on MNIST: 28×28×1 → 28×28×6, 5×5 "same". */
    static ConvWorkload lenetFirst() {
        return new ConvWorkload("LeNet conv1 28×28×1→6, 5×5 same", 64, 28, 28, 1, 6, ConvGeometry.same(5, 5, 1, 1, 1, 1));
    }

    /** The second convolution of LeNet-5: 14×14×6 → 10×10×16, 5×5 valid. */
    static ConvWorkload lenetSecond() {
        return new ConvWorkload("LeNet conv2 14×14×6→16, 5×5 valid", 64, 14, 14, 6, 16, ConvGeometry.square(5, 1, 0));
    }

    /** Best-of forward+backward throughput with the given thread count over a time budget. */
    Result measure(int threads, double budgetSeconds) {
        int before = KernelPool.threads();
        KernelPool.setThreads(threads);
        try {
            long warm = System.nanoTime() + (long) (budgetSeconds * 0.3e9);
            while (System.nanoTime() < warm) {
                pass();
            }
            double best = Double.MAX_VALUE;
            long end = System.nanoTime() + (long) (budgetSeconds * 1e9);
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                pass();
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            double macs = (double) n * g.outH(h) * g.outW(w) * g.kernelH() * g.kernelW() * cin * cout;
            return new Result(name, threads, n / best, 3 * 2 * macs / best / 1e9);
        } finally {
            KernelPool.setThreads(before);
        }
    }

    private void pass() {
        Conv2d.forward(x, n, h, w, cin, weights, bias, cout, g, workspace, y);
        Conv2d.backwardInput(dy, n, h, w, cin, weights, cout, g, workspace, dx, false);
        Conv2d.backwardWeight(x, dy, n, h, w, cin, cout, g, workspace, dW, false);
        Conv2d.backwardBias(dy, n, g.outH(h), g.outW(w), cout, db, false);
    }
}
