package dev.temper.tensor;

/**
 * What a band of a GEMM does to its block of C after the product, while the block is in the cache of the thread
 * that computed it: copy it out of the band's scratch array ({@link OpenBlas} explains why), and apply a dense layer's
 * ReLU. The same values, element for element, as the separate passes they replace.
 */
final class GemmEpilogue {
    private GemmEpilogue() {}

    /** {@code rows x columns} floats from {@code from} (leading dimension {@code ldFrom}) into {@code to}, as they are or through {@code max(x, 0)}. */
    static void copy(float[] from, int fromOffset, int ldFrom, float[] to, int toOffset, int ldTo, int rows, int columns, boolean relu) {
        for (int r = 0; r < rows; r++) {
            int f = fromOffset + r * ldFrom;
            int t = toOffset + r * ldTo;
            if (relu) {
                for (int j = 0; j < columns; j++) {
                    to[t + j] = Math.max(from[f + j], 0f); // NaN stays NaN: the bits of Tensor.reluInPlace
                }
            } else {
                System.arraycopy(from, f, to, t, columns);
            }
        }
    }

    /** {@code max(x, 0)} over a {@code rows x columns} block of {@code c} in place. */
    static void relu(float[] c, int offset, int ld, int rows, int columns) {
        copy(c, offset, ld, c, offset, ld, rows, columns, true);
    }
}
