package dev.temper.tensor;

/**
 * Matrix products through {@link Blas}: 2-D, batched (leading dimensions broadcast), and the fused
 * {@code x @ w + bias} of a dense layer. Transposed views are passed to GEMM as transpose flags, not copied.
 */
final class MatMul {
    private MatMul() {}

    /** How one matrix (the last two axes at some batch position) is handed to GEMM. */
    private record Operand(boolean transposed, int ld) {
        /** Null when the view's strides fit neither layout, and a copy is needed. */
        static Operand of(Tensor t) {
            int r = t.rank();
            int rows = t.dim(r - 2);
            int cols = t.dim(r - 1);
            int s0 = t.stride(r - 2);
            int s1 = t.stride(r - 1);
            if (rows == 0 || cols == 0) {
                return new Operand(false, Math.max(1, cols)); // nothing is read; any valid leading dimension
            }
            if ((s1 == 1 || cols == 1) && (s0 >= Math.max(1, cols) || rows == 1)) {
                return new Operand(false, Math.max(s0, Math.max(1, cols)));
            }
            if ((s0 == 1 || rows == 1) && (s1 >= Math.max(1, rows) || cols == 1)) {
                return new Operand(true, Math.max(s1, Math.max(1, rows)));
            }
            return null;
        }
    }

    static Tensor matmul(Tensor a, Tensor b) {
        Elementwise.requireSameType("matmul", a, b);
        if (a.rank() < 2 || b.rank() < 2) {
            throw new IllegalArgumentException("matmul: both operands need rank >= 2, got shapes " + a.shape() + " and " + b.shape());
        }
        int m = a.dim(-2);
        int k = a.dim(-1);
        int n = b.dim(-1);
        if (b.dim(-2) != k) {
            throw new IllegalArgumentException("matmul: shapes " + a.shape() + " and " + b.shape()
                    + " are not aligned: " + k + " (last dim of the first) != " + b.dim(-2) + " (second-to-last dim of the second)");
        }
        Shape aBatch = batchShape(a);
        Shape bBatch = batchShape(b);
        Shape outBatch = Shape.broadcast(aBatch, bBatch, "matmul (batch dimensions)");
        int[] outDims = append(outBatch.toArray(), m, n);
        // A stack of matrices times one matrix: one GEMM over the stacked rows, when the rows are contiguous.
        if (b.rank() == 2 && a.rank() > 2 && a.isContiguous()) {
            Tensor flat = a.reshape(-1, k);
            return gemmInto(flat, b, Tensor.zeros(a.dtype(), flat.dim(0), n), 0f).reshape(outDims);
        }
        Tensor ac = Operand.of(a) == null ? a.copy() : a;
        Tensor bc = Operand.of(b) == null ? b.copy() : b;
        Tensor out = Tensor.zeros(a.dtype(), outDims);
        int batches = outBatch.size();
        int[] aStride = batchStrides(ac, outBatch);
        int[] bStride = batchStrides(bc, outBatch);
        for (int i = 0; i < batches; i++) {
            int ao = ac.offset();
            int bo = bc.offset();
            int rest = i;
            for (int axis = outBatch.rank() - 1; axis >= 0; axis--) {
                int d = outBatch.dim(axis);
                ao += (rest % d) * aStride[axis];
                bo += (rest % d) * bStride[axis];
                rest /= d;
            }
            gemm(ac, ao, bc, bo, out, out.offset() + i * m * n, m, n, k, 0f);
        }
        return out;
    }

    /**
     * {@code x @ w + bias}, then {@code max(., 0)} where {@code relu}. In float32 through {@link Blas#sgemmBias}; in
     * float64 the bias is written into the output first and GEMM adds to it (beta = 1), as sgemmBias's default does.
     */
    static Tensor linear(Tensor x, Tensor w, Tensor bias, boolean relu) {
        Elementwise.requireSameType("linear", x, w);
        if (x.rank() != 2 || w.rank() != 2 || x.dim(1) != w.dim(0)) {
            throw new IllegalArgumentException("linear: input " + x.shape() + " and weight " + w.shape()
                    + " do not fit: expected [batch, in] and [in, out]");
        }
        int n = w.dim(1);
        if (bias == null) {
            Tensor out = gemmInto(x, w, Tensor.recycled(x.dtype(), x.dim(0), n), 0f); // beta 0: written whole; matmul's bits
            return relu ? Elementwise.reluInPlace(out) : out;
        }
        Elementwise.requireSameType("linear", x, bias);
        if (bias.rank() != 1 || bias.dim(0) != n) {
            throw new IllegalArgumentException("linear: bias " + bias.shape() + " does not fit weight " + w.shape() + ": expected [" + n + "]");
        }
        Tensor out = Tensor.recycled(x.dtype(), x.dim(0), n); // every row gets the bias: written whole
        Tensor bc = bias.contiguous();
        Tensor xc = Operand.of(x) == null ? x.copy() : x;
        Tensor wc = Operand.of(w) == null ? w.copy() : w;
        if (x.dtype() == DType.FLOAT32) {
            Operand ox = Operand.of(xc);
            Operand ow = Operand.of(wc);
            Backend.blas().sgemmBias(ox.transposed(), ow.transposed(), x.dim(0), n, x.dim(1), xc.floatData(), xc.offset(), ox.ld(),
                    wc.floatData(), wc.offset(), ow.ld(), bc.floatData(), bc.offset(), relu, out.floatData(), out.offset(), Math.max(1, n));
            return out;
        }
        for (int r = 0; r < x.dim(0); r++) {
            System.arraycopy(bc.doubleData(), bc.offset(), out.doubleData(), r * n, n);
        }
        gemmInto(xc, wc, out, 1f);
        return relu ? Elementwise.reluInPlace(out) : out;
    }

    /** {@code out = a @ b + beta * out}, 2-D, out contiguous. */
    static void matmulInto(Tensor a, Tensor b, Tensor out, double beta) {
        Elementwise.requireSameType("matmulAccumulateInPlace", a, b);
        Elementwise.requireSameType("matmulAccumulateInPlace", a, out);
        if (a.rank() != 2 || b.rank() != 2 || out.rank() != 2 || a.dim(1) != b.dim(0)
                || out.dim(0) != a.dim(0) || out.dim(1) != b.dim(1)) {
            throw new IllegalArgumentException("matmulAccumulateInPlace: " + a.shape() + " @ " + b.shape()
                    + " does not fit the target " + out.shape());
        }
        if (!out.isContiguous()) {
            throw new IllegalArgumentException("matmulAccumulateInPlace: the target tensor must be contiguous, got strides of a view");
        }
        gemmInto(a, b, out, beta);
    }

    private static Tensor gemmInto(Tensor a, Tensor b, Tensor out, double beta) {
        Tensor ac = Operand.of(a) == null ? a.copy() : a;
        Tensor bc = Operand.of(b) == null ? b.copy() : b;
        gemm(ac, ac.offset(), bc, bc.offset(), out, out.offset(), a.dim(0), b.dim(1), a.dim(1), beta);
        return out;
    }

    private static void gemm(Tensor a, int ao, Tensor b, int bo, Tensor c, int co, int m, int n, int k, double beta) {
        Operand oa = Operand.of(a);
        Operand ob = Operand.of(b);
        Blas blas = Backend.blas();
        if (c.dtype() == DType.FLOAT32) {
            blas.sgemm(oa.transposed(), ob.transposed(), m, n, k, 1f, a.floatData(), ao, oa.ld(),
                    b.floatData(), bo, ob.ld(), (float) beta, c.floatData(), co, Math.max(1, n));
        } else {
            blas.dgemm(oa.transposed(), ob.transposed(), m, n, k, 1.0, a.doubleData(), ao, oa.ld(),
                    b.doubleData(), bo, ob.ld(), beta, c.doubleData(), co, Math.max(1, n));
        }
    }

    private static Shape batchShape(Tensor t) {
        int[] dims = t.dims();
        int[] batch = new int[dims.length - 2];
        System.arraycopy(dims, 0, batch, 0, batch.length);
        return Shape.of(batch);
    }

    /** Storage strides of {@code t}'s batch axes, aligned to {@code outBatch}; 0 where broadcast. */
    private static int[] batchStrides(Tensor t, Shape outBatch) {
        int[] s = new int[outBatch.rank()];
        int tb = t.rank() - 2;
        int lead = outBatch.rank() - tb;
        for (int i = 0; i < tb; i++) {
            s[lead + i] = t.dim(i) == 1 ? 0 : t.stride(i);
        }
        return s;
    }

    private static int[] append(int[] dims, int m, int n) {
        int[] out = new int[dims.length + 2];
        System.arraycopy(dims, 0, out, 0, dims.length);
        out[dims.length] = m;
        out[dims.length + 1] = n;
        return out;
    }
}
