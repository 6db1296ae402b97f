package dev.temper.tensor;

/**
 * Elementwise kernels: unary functions, broadcasting binary functions, fill, copy and axpy.
 * Large tensors are split across the kernel threads in fixed chunks ({@link Parallel}).
 */
final class Elementwise {
    /** Elements per parallel chunk: small enough to share work, large enough to amortize the hand-off. */
    static final int GRAIN = 1 << 15;

    private Elementwise() {}

    static Tensor unary(UnaryOp op, Tensor x) {
        Tensor in = x.contiguous();
        Tensor out = Tensor.zerosLike(x);
        int n = in.size();
        int xo = in.offset();
        if (in.dtype() == DType.FLOAT32) {
            float[] a = in.floatData();
            float[] y = out.floatData();
            if (op == UnaryOp.RELU && xo == 0) {
                // Math.max vectorizes (a ternary does not: 5x slower), and C2 vectorizes only when input and
                // output share the index expression (it cannot rule out aliasing otherwise): hence xo == 0.
                Parallel.forRange(n, GRAIN, (s, e) -> {
                    for (int i = s; i < e; i++) {
                        y[i] = Math.max(a[i], 0f); // NaN stays NaN, as in PyTorch
                    }
                });
            } else {
                Parallel.forRange(n, GRAIN, (s, e) -> {
                    for (int i = s; i < e; i++) {
                        y[i] = (float) op.apply(a[xo + i]);
                    }
                });
            }
        } else {
            double[] a = in.doubleData();
            double[] y = out.doubleData();
            Parallel.forRange(n, GRAIN, (s, e) -> {
                for (int i = s; i < e; i++) {
                    y[i] = op.apply(a[xo + i]);
                }
            });
        }
        return out;
    }

    /**
     * {@code b > 0 ? a : 0} without a branch: with random signs a ternary mispredicts half the time (4 ns/element,
     * measured); masking the bits of {@code a} costs 0.75 ns and keeps exact semantics (inf and NaN in {@code a}).
     */
    static float keepWherePositive(float a, float b) {
        int v = Float.floatToRawIntBits(b);
        int keep = ~(((v - 1) | (0x7F800000 - v)) >> 31); // all ones iff 0 < b <= +inf
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) & keep);
    }

    /** {@link #keepWherePositive(float, float)} in double. */
    static double keepWherePositive(double a, double b) {
        long v = Double.doubleToRawLongBits(b);
        long keep = ~(((v - 1) | (0x7FF0000000000000L - v)) >> 63); // all ones iff 0 < b <= +inf
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & keep);
    }

    /** {@code max(x, 0)} written over the contiguous {@code x} (NaN stays NaN, the bits of {@link #unary} RELU); returns x. */
    static Tensor reluInPlace(Tensor x) {
        if (!x.isContiguous()) {
            throw new IllegalArgumentException("relu in place: the tensor must be contiguous, got strides of a view");
        }
        int o = x.offset();
        if (x.dtype() == DType.FLOAT32) {
            float[] a = x.floatData();
            Parallel.forRange(x.size(), GRAIN, (s, e) -> {
                for (int i = o + s; i < o + e; i++) {
                    a[i] = Math.max(a[i], 0f);
                }
            });
        } else {
            double[] a = x.doubleData();
            Parallel.forRange(x.size(), GRAIN, (s, e) -> {
                for (int i = o + s; i < o + e; i++) {
                    a[i] = Math.max(a[i], 0);
                }
            });
        }
        return x;
    }

    /**
     * {@code g * factor} where {@code sign > 0}, else 0, written over the contiguous {@code g}: the bits of
     * {@code g.mul(factor).keepWherePositive(sign)} in one pass instead of two (the ReLU-and-dropout gradient of a
     * dense layer: a kept unit's scale where its output is positive). Returns g.
     */
    static Tensor mulKeepWherePositiveInPlace(Tensor g, double factor, Tensor sign) {
        requireSameType("mul-keep-where-positive", g, sign);
        if (!g.shape().equals(sign.shape())) {
            throw new IllegalArgumentException("mul-keep-where-positive in place: shapes " + g.shape() + " and " + sign.shape() + " differ");
        }
        if (!g.isContiguous()) {
            throw new IllegalArgumentException("mul-keep-where-positive in place: the target tensor must be contiguous, got strides of a view");
        }
        if (g.dtype() == DType.FLOAT32 && g.offset() == 0 && sign.isContiguous() && sign.offset() == 0) {
            float[] x = g.floatData();
            float f = (float) factor;
            float[] y = sign.floatData();
            Parallel.forRange(g.size(), GRAIN, (s, e) -> FlatFloatLoops.mulKeepWherePositive(x, f, y, s, e));
            return g;
        }
        copy(binary(BinaryOp.KEEP_WHERE_POSITIVE, binary(BinaryOp.MUL, g, Tensor.scalar(g.dtype(), factor)), sign), g);
        return g;
    }

    static void requireSameType(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": operand types " + a.dtype() + " and " + b.dtype() + " differ; convert one with to()");
        }
    }

    /**
     * {@code a = op(a, b)} for same-shaped tensors, a contiguous: the bits of {@link #binary}, written over a.
     * Returns a.
     */
    static Tensor binaryInPlace(BinaryOp op, Tensor a, Tensor b) {
        requireSameType(op.label(), a, b);
        if (!a.shape().equals(b.shape())) {
            throw new IllegalArgumentException(op.label() + " in place: shapes " + a.shape() + " and " + b.shape() + " differ");
        }
        if (!a.isContiguous()) {
            throw new IllegalArgumentException(op.label() + " in place: the target tensor must be contiguous, got strides of a view");
        }
        if (a.dtype() == DType.FLOAT32 && a.offset() == 0 && b.isContiguous() && b.offset() == 0
                && FlatFloatLoops.supports(op, false)) {
            float[] x = a.floatData();
            float[] z = b.floatData();
            Parallel.forRange(a.size(), GRAIN, (s, e) -> FlatFloatLoops.sameShape(op, x, z, x, s, e));
            return a;
        }
        copy(binary(op, a, b), a);
        return a;
    }

    static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        requireSameType(op.label(), a, b);
        Shape outShape = Shape.broadcast(a.shape(), b.shape(), op.label());
        Tensor out = Tensor.zeros(a.dtype(), outShape.toArray());
        if (a.isContiguous() && b.isContiguous() && (a.shape().equals(b.shape()) || b.size() == 1)) {
            // The common case (same shapes, or a scalar): one flat row, split into element chunks.
            int n = out.size();
            if (out.dtype() == DType.FLOAT32 && a.offset() == 0 && (b.offset() == 0 || b.size() == 1)
                    && FlatFloatLoops.supports(op, b.size() == 1)) {
                float[] x = a.floatData();
                float[] z = b.floatData();
                float[] y = out.floatData();
                if (b.size() == 1) {
                    float scalar = z[b.offset()];
                    Parallel.forRange(n, GRAIN, (s, e) -> FlatFloatLoops.withScalar(op, x, scalar, y, s, e));
                } else {
                    Parallel.forRange(n, GRAIN, (s, e) -> FlatFloatLoops.sameShape(op, x, z, y, s, e));
                }
                return out;
            }
            int sb = b.size() == 1 ? 0 : 1;
            Parallel.forRange(n, GRAIN, (s, e) -> {
                if (out.dtype() == DType.FLOAT32) {
                    binaryRow(op, a.floatData(), a.offset() + s, 1, b.floatData(), b.offset() + s * sb, sb, out.floatData(), s, e - s);
                } else {
                    binaryRow(op, a.doubleData(), a.offset() + s, 1, b.doubleData(), b.offset() + s * sb, sb, out.doubleData(), s, e - s);
                }
            });
            return out;
        }
        StridedRows walk = new StridedRows(outShape, a, b);
        int len = walk.rowLength;
        int sa = walk.innerStride(0);
        int sb = walk.innerStride(1);
        Parallel.forRange(walk.rows, walk.rowGrain(GRAIN), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int ia = walk.rowStart(0, r);
                int ib = walk.rowStart(1, r);
                if (out.dtype() == DType.FLOAT32) {
                    binaryRow(op, a.floatData(), ia, sa, b.floatData(), ib, sb, out.floatData(), r * len, len);
                } else {
                    binaryRow(op, a.doubleData(), ia, sa, b.doubleData(), ib, sb, out.doubleData(), r * len, len);
                }
            }
        });
        return out;
    }

    private static void binaryRow(BinaryOp op, float[] a, int ia, int sa, float[] b, int ib, int sb, float[] y, int iy, int len) {
        // Dedicated loops for the operations on the training hot path; the rest go through op.apply.
        if (sa == 1 && (sb == 1 || sb == 0)) {
            if (op == BinaryOp.ADD && sb == 1) {
                for (int j = 0; j < len; j++) {
                    y[iy + j] = a[ia + j] + b[ib + j];
                }
                return;
            }
            if (op == BinaryOp.MUL && sb == 1) {
                for (int j = 0; j < len; j++) {
                    y[iy + j] = a[ia + j] * b[ib + j];
                }
                return;
            }
            if (op == BinaryOp.KEEP_WHERE_POSITIVE && sb == 1) {
                // Branch-free select: with random signs a ternary mispredicts half the time (4 ns/element,
                // measured); masking the bits of a costs 0.75 ns and keeps exact semantics (inf and NaN in a).
                for (int j = 0; j < len; j++) {
                    y[iy + j] = keepWherePositive(a[ia + j], b[ib + j]);
                }
                return;
            }
            if (op == BinaryOp.MUL && sb == 0) {
                float s = b[ib];
                for (int j = 0; j < len; j++) {
                    y[iy + j] = a[ia + j] * s;
                }
                return;
            }
        }
        for (int j = 0; j < len; j++) {
            y[iy + j] = (float) op.apply(a[ia + j * sa], b[ib + j * sb]);
        }
    }

    private static void binaryRow(BinaryOp op, double[] a, int ia, int sa, double[] b, int ib, int sb, double[] y, int iy, int len) {
        for (int j = 0; j < len; j++) {
            y[iy + j] = op.apply(a[ia + j * sa], b[ib + j * sb]);
        }
    }

    static void fill(Tensor t, double value) {
        StridedRows walk = new StridedRows(t.shape(), t);
        int len = walk.rowLength;
        int st = walk.innerStride(0);
        for (int r = 0; r < walk.rows; r++) {
            int p = walk.rowStart(0, r);
            if (t.dtype() == DType.FLOAT32) {
                float[] d = t.floatData();
                for (int j = 0; j < len; j++) {
                    d[p + j * st] = (float) value;
                }
            } else {
                double[] d = t.doubleData();
                for (int j = 0; j < len; j++) {
                    d[p + j * st] = value;
                }
            }
        }
    }

    /** dst = src elementwise (same shape), converting the type if needed. */
    static void copy(Tensor src, Tensor dst) {
        if (src.isContiguous() && dst.isContiguous() && src.dtype() == dst.dtype()) {
            if (src.dtype() == DType.FLOAT32) {
                System.arraycopy(src.floatData(), src.offset(), dst.floatData(), dst.offset(), src.size());
            } else {
                System.arraycopy(src.doubleData(), src.offset(), dst.doubleData(), dst.offset(), src.size());
            }
            return;
        }
        StridedRows walk = new StridedRows(dst.shape(), src, dst);
        int len = walk.rowLength;
        int ss = walk.innerStride(0);
        int sd = walk.innerStride(1);
        Parallel.forRange(walk.rows, walk.rowGrain(GRAIN), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int ps = walk.rowStart(0, r);
                int pd = walk.rowStart(1, r);
                for (int j = 0; j < len; j++) {
                    double v = src.dtype() == DType.FLOAT32 ? src.floatData()[ps + j * ss] : src.doubleData()[ps + j * ss];
                    if (dst.dtype() == DType.FLOAT32) {
                        dst.floatData()[pd + j * sd] = (float) v;
                    } else {
                        dst.doubleData()[pd + j * sd] = v;
                    }
                }
            }
        });
    }

    /** y = alpha * x (same shape and type; y contiguous): the bits of {@code x.mul(alpha)}, without allocating. */
    static void scaledCopy(double alpha, Tensor x, Tensor y) {
        if (!x.shape().equals(y.shape())) {
            throw new IllegalArgumentException("copyScaledFrom: shapes " + y.shape() + " and " + x.shape() + " differ");
        }
        requireSameType("copyScaledFrom", x, y);
        if (!y.isContiguous()) {
            throw new IllegalArgumentException("copyScaledFrom: the target tensor must be contiguous, got strides of a view");
        }
        Tensor xc = x.contiguous();
        int n = y.size();
        int xo = xc.offset();
        int yo = y.offset();
        if (y.dtype() == DType.FLOAT32) {
            float[] a = xc.floatData();
            float[] b = y.floatData();
            float al = (float) alpha;
            Parallel.forRange(n, GRAIN, (s, e) -> {
                if (xo == 0 && yo == 0) { // same index on both sides: C2 vectorizes (see unary): 48 -> 24 us for 400k floats
                    for (int i = s; i < e; i++) {
                        b[i] = a[i] * al;
                    }
                } else {
                    for (int i = s; i < e; i++) {
                        b[yo + i] = a[xo + i] * al;
                    }
                }
            });
        } else {
            double[] a = xc.doubleData();
            double[] b = y.doubleData();
            Parallel.forRange(n, GRAIN, (s, e) -> {
                for (int i = s; i < e; i++) {
                    b[yo + i] = a[xo + i] * alpha;
                }
            });
        }
    }

    /** y += alpha * x (same shape and type; y contiguous). */
    static void axpy(double alpha, Tensor x, Tensor y) {
        if (!x.shape().equals(y.shape())) {
            throw new IllegalArgumentException("addInPlace: shapes " + y.shape() + " and " + x.shape() + " differ");
        }
        requireSameType("addInPlace", x, y);
        if (!y.isContiguous()) {
            throw new IllegalArgumentException("addInPlace: the target tensor must be contiguous, got strides of a view");
        }
        Tensor xc = x.contiguous();
        int n = y.size();
        int xo = xc.offset();
        int yo = y.offset();
        if (y.dtype() == DType.FLOAT32) {
            float[] a = xc.floatData();
            float[] b = y.floatData();
            float al = (float) alpha;
            Parallel.forRange(n, GRAIN, (s, e) -> {
                if (xo == 0 && yo == 0) { // same index on both sides: C2 vectorizes (see unary)
                    for (int i = s; i < e; i++) {
                        b[i] += al * a[i];
                    }
                } else {
                    for (int i = s; i < e; i++) {
                        b[yo + i] += al * a[xo + i];
                    }
                }
            });
        } else {
            double[] a = xc.doubleData();
            double[] b = y.doubleData();
            Parallel.forRange(n, GRAIN, (s, e) -> {
                for (int i = s; i < e; i++) {
                    b[yo + i] += alpha * a[xo + i];
                }
            });
        }
    }
}
