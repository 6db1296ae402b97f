package dev.temper.tensor;

import java.util.Objects;

/**
 * The argument checks every {@link Blas} makes before it touches memory: those of the reference BLAS (xERBLA)
 * for row-major storage, plus array bounds. Native code would read or write past an array's end without a word,
 * so the checks run in Java, up front, with a message naming the argument and its value.
 */
final class GemmArguments {
    private GemmArguments() {}

    /** Shapes, leading dimensions, and that C's window lies inside {@code c}. */
    static void checkShapeAndC(boolean transA, boolean transB, int m, int n, int k, int lda, int ldb, int ldc,
                               Object c, int cLength, int cOffset) {
        checkNonNegative("m", m);
        checkNonNegative("n", n);
        checkNonNegative("k", k);
        checkLeading("lda", lda, transA ? m : k, transA ? "m (A is stored transposed, k x m)" : "k (A is m x k)");
        checkLeading("ldb", ldb, transB ? k : n, transB ? "k (B is stored transposed, n x k)" : "n (B is k x n)");
        checkLeading("ldc", ldc, n, "n (C is m x n)");
        Objects.requireNonNull(c, "c");
        checkBounds("c", cLength, cOffset, m, n, ldc);
    }

    /** That op(A) and op(B) lie inside their arrays; only needed when A and B are read at all. */
    static void checkAB(boolean transA, boolean transB, int m, int n, int k,
                        Object a, int aLength, int aOffset, int lda, Object b, int bLength, int bOffset, int ldb) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        checkBounds("a", aLength, aOffset, transA ? k : m, transA ? m : k, lda);
        checkBounds("b", bLength, bOffset, transB ? n : k, transB ? k : n, ldb);
    }

    /** That {@code n} floats of the bias lie inside {@code bias} from {@code offset}. */
    static void checkBias(int n, float[] bias, int offset) {
        Objects.requireNonNull(bias, "bias");
        checkBounds("bias", bias.length, offset, 1, n, Math.max(1, n));
    }

    private static void checkNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }

    private static void checkLeading(String name, int value, int rowLength, String why) {
        if (value < Math.max(1, rowLength)) {
            throw new IllegalArgumentException(name + " must be >= max(1, " + why + ") = "
                    + Math.max(1, rowLength) + ", got " + value);
        }
    }

    private static void checkBounds(String name, int length, int offset, int rows, int columns, int ld) {
        if (offset < 0) {
            throw new IllegalArgumentException(name + "Offset must be >= 0, got " + offset);
        }
        if (rows == 0 || columns == 0) {
            return;
        }
        long end = offset + (long) (rows - 1) * ld + columns;
        if (end > length) {
            throw new IllegalArgumentException(name + " has " + length + " elements, but a " + rows + " x " + columns
                    + " matrix at offset " + offset + " with leading dimension " + ld + " needs " + end);
        }
    }
}
