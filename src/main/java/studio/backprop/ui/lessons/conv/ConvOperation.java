package studio.backprop.ui.lessons.conv;

/** What the convolution explorer slides over its input, and how each output element is made. */
public enum ConvOperation {
    CORRELATION("Cross-correlation", "y[i,j] = Σ x[i·s+u·d, j·s+v·d] · k[u,v]"),
    CONVOLUTION("True convolution", "y[i,j] = Σ x[i·s+u·d, j·s+v·d] · k[kh−1−u, kw−1−v]  (kernel flipped)"),
    MAX_POOL("Max pooling", "y[i,j] = max of the window"),
    AVERAGE_POOL("Average pooling", "y[i,j] = mean of the window's pixels inside the image"),
    L2_POOL("L2 pooling", "y[i,j] = √(Σ x² over the window)"),
    MEDIAN_POOL("Median pooling", "y[i,j] = median of the window (mean of the two middles for an even count)"),
    MAX_UNPOOL("Max unpooling", "max pooling, then each maximum put back where it was found, 0 elsewhere"),
    TRANSPOSED("Transposed convolution", "y[i·s+u·d, j·s+v·d] += x[i,j] · k[u,v]  (each input spreads over the output)"),
    UPSAMPLE("Upsampling (nearest)", "y[i,j] = x[⌊i/f⌋, ⌊j/f⌋]");

    private final String label;
    private final String formula;

    ConvOperation(String label, String formula) {
        this.label = label;
        this.formula = formula;
    }

    /** The name shown in the operation chooser. */
    public String label() {
        return label;
    }

    /** The rule for one output element, in one line. */
    public String formula() {
        return formula;
    }

    /** True for the operations that weigh the window by a kernel. */
    public boolean usesKernel() {
        return this == CORRELATION || this == CONVOLUTION || this == TRANSPOSED;
    }

    /** True for the operations whose window is a pool size rather than the kernel's size. */
    public boolean usesPoolWindow() {
        return this == MAX_POOL || this == AVERAGE_POOL || this == L2_POOL || this == MEDIAN_POOL
                || this == MAX_UNPOOL;
    }

    @Override
    public String toString() {
        return label;
    }
}
