package studio.backprop.kernels;

import java.util.List;

/** Awkward convolution shapes shared by the convolution tests. */
record ConvCases(int n, int h, int w, int cin, int cout, ConvGeometry g) {

    static final List<ConvCases> ALL = List.of(
            new ConvCases(1, 1, 1, 1, 1, ConvGeometry.square(1, 1, 0)),
            new ConvCases(3, 7, 7, 3, 17, ConvGeometry.square(3, 1, 1)),
            new ConvCases(1, 13, 7, 17, 3, new ConvGeometry(3, 2, 2, 3, 1, 0, 2, 1, 1, 1)),
            new ConvCases(3, 13, 13, 1, 1, ConvGeometry.square(3, 2, 0, 2)),
            new ConvCases(2, 7, 13, 3, 1, new ConvGeometry(5, 1, 3, 1, 0, 2, 0, 0, 1, 2)),
            new ConvCases(1, 5, 5, 3, 3, ConvGeometry.square(1, 1, 0)),
            new ConvCases(3, 7, 7, 1, 17, ConvGeometry.square(7, 1, 0)),
            new ConvCases(1, 1, 1, 3, 3, ConvGeometry.square(3, 1, 1)),
            new ConvCases(3, 6, 9, 2, 3, ConvGeometry.same(3, 3, 1, 1, 2, 2)),
            new ConvCases(1, 8, 8, 3, 2, ConvGeometry.square(1, 2, 0)),
            new ConvCases(2, 13, 7, 3, 3, new ConvGeometry(2, 3, 3, 2, 2, 0, 0, 1, 2, 1)));

    int outH() {
        return g.outH(h);
    }

    int outW() {
        return g.outW(w);
    }

    int inSize() {
        return n * h * w * cin;
    }

    int outSize() {
        return n * outH() * outW() * cout;
    }

    int weightSize() {
        return g.kernelH() * g.kernelW() * cin * cout;
    }

    @Override
    public String toString() {
        return "n=" + n + " " + h + "×" + w + " cin=" + cin + " cout=" + cout + " " + g;
    }
}
