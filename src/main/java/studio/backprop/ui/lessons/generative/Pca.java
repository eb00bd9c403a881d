package studio.backprop.ui.lessons.generative;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.SingularOps_FDRM;
import org.ejml.dense.row.factory.DecompositionFactory_FDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F32;

/**
 * Projects points of d dimensions onto their first two principal components: centre the rows, take the SVD
 * X_c = U·Σ·Vᵀ (EJML), and keep X_c·v₁ and X_c·v₂ for the two largest singular values. For d ≤ 2 the points are
 * returned as they are (padded with zeros for d = 1).
 */
final class Pca {

    private Pca() {
    }

    /**
     * @param rows n points of d values each, row-major
     * @return (n, 2) row-major
     */
    static float[] project(float[] rows, int n, int d) {
        float[] out = new float[2 * n];
        if (d <= 2) {
            for (int i = 0; i < n; i++) {
                out[2 * i] = rows[i * d];
                out[2 * i + 1] = d == 2 ? rows[i * d + 1] : 0f;
            }
            return out;
        }
        FMatrixRMaj x = new FMatrixRMaj(n, d);
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += rows[i * d + j];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                x.set(i, j, (float) (rows[i * d + j] - mean));
            }
        }
        SingularValueDecomposition_F32<FMatrixRMaj> svd = DecompositionFactory_FDRM.svd(n, d, false, true, true);
        if (!svd.decompose(x.copy())) {
            return out;
        }
        FMatrixRMaj w = svd.getW(null);
        FMatrixRMaj vt = svd.getV(null, true);
        SingularOps_FDRM.descendingOrder(null, false, w, vt, true);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 2 && k < vt.numRows; k++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += x.get(i, j) * vt.get(k, j);
                }
                out[2 * i + k] = (float) s;
            }
        }
        return out;
    }
}
