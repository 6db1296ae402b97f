package dev.temper.tensor;

/**
 * Float32 loops for the binary ops on the training hot path, over arrays that all start at index 0.
 *
 * <p>Why a separate class of near-identical loops: HotSpot C2 (JDK 17) vectorizes a loop only when it can rule
 * out overlap between what it reads and writes, which it does when every array is indexed by the same
 * expression. {@code y[i] = a[i] * b[i]} runs at about 0.2 ns per element; the same loop with per-array offsets
 * ({@code y[i] = a[ia + i] * b[ib + i]}) at about 1.4 ns (measured, 65,536 elements).
 */
final class FlatFloatLoops {
    private FlatFloatLoops() {}

    static boolean supports(BinaryOp op, boolean scalar) {
        return switch (op) {
            case ADD, SUB, MUL -> true;
            case DIV -> !scalar;
            case KEEP_WHERE_POSITIVE -> !scalar;
            default -> false;
        };
    }

    static void sameShape(BinaryOp op, float[] a, float[] b, float[] y, int start, int end) {
        switch (op) {
            case ADD -> {
                for (int i = start; i < end; i++) {
                    y[i] = a[i] + b[i];
                }
            }
            case SUB -> {
                for (int i = start; i < end; i++) {
                    y[i] = a[i] - b[i];
                }
            }
            case MUL -> {
                for (int i = start; i < end; i++) {
                    y[i] = a[i] * b[i];
                }
            }
            case DIV -> {
                for (int i = start; i < end; i++) {
                    y[i] = a[i] / b[i];
                }
            }
            case KEEP_WHERE_POSITIVE -> {
                // Branch-free select (a ternary mispredicts on random signs: 4 ns/element measured, this 0.75):
                // keep is all ones exactly when 0 < b <= +inf, so inf and NaN in a pass through unchanged.
                for (int i = start; i < end; i++) {
                    int v = Float.floatToRawIntBits(b[i]);
                    int keep = ~(((v - 1) | (0x7F800000 - v)) >> 31);
                    y[i] = Float.intBitsToFloat(Float.floatToRawIntBits(a[i]) & keep);
                }
            }
            default -> throw new IllegalArgumentException("no flat loop for " + op);
        }
    }

    /** {@code g[i] * f} where {@code y[i] > 0}, else +0, into g: the same select as KEEP_WHERE_POSITIVE's loop. */
    static void mulKeepWherePositive(float[] g, float f, float[] y, int start, int end) {
        for (int i = start; i < end; i++) {
            int v = Float.floatToRawIntBits(y[i]);
            int keep = ~(((v - 1) | (0x7F800000 - v)) >> 31);
            g[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i] * f) & keep);
        }
    }

    static void withScalar(BinaryOp op, float[] a, float b, float[] y, int start, int end) {
        switch (op) {
            case ADD -> {
                for (int i = start; i < end; i++) {
                    y[i] = a[i] + b;
                }
            }
            case SUB -> {
                for (int i = start; i < end; i++) {
                    y[i] = a[i] - b;
                }
            }
            case MUL -> {
                for (int i = start; i < end; i++) {
                    y[i] = a[i] * b;
                }
            }
            default -> throw new IllegalArgumentException("no flat scalar loop for " + op);
        }
    }
}
