package dev.temper.tensor;

/** Concatenation along an axis and row gathering (mini-batches from shuffled indices). */
final class Joins {
    private Joins() {}

    static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        Tensor first = parts[0];
        int a = first.shape().normalizeAxis(axis, "concat");
        int total = 0;
        for (Tensor p : parts) {
            Elementwise.requireSameType("concat", first, p);
            if (p.rank() != first.rank()) {
                throw new IllegalArgumentException("concat: shapes " + first.shape() + " and " + p.shape() + " have different ranks");
            }
            for (int i = 0; i < first.rank(); i++) {
                if (i != a && p.dim(i) != first.dim(i)) {
                    throw new IllegalArgumentException("concat: shapes " + first.shape() + " and " + p.shape() + " differ outside axis " + axis);
                }
            }
            total += p.dim(a);
        }
        int[] dims = first.dims();
        dims[a] = total;
        Tensor out = Tensor.zeros(first.dtype(), dims);
        int at = 0;
        for (Tensor p : parts) {
            out.narrow(a, at, p.dim(a)).copyFromInPlace(p);
            at += p.dim(a);
        }
        return out;
    }

    static Tensor gatherRows(Tensor t, int[] rowIndices) {
        if (t.rank() < 1) {
            throw new IllegalArgumentException("gatherRows: needs rank >= 1, got a scalar");
        }
        int[] dims = t.dims();
        dims[0] = rowIndices.length;
        return gatherRowsInto(t, rowIndices, Tensor.zeros(t.dtype(), dims));
    }

    /**
     * {@link #gatherRows} written into {@code out} (contiguous, at offset 0, of the gathered shape and the type of
     * {@code t}), which is returned: a caller that gathers batch after batch of one shape can reuse one tensor, whose
     * memory is then in cache, instead of a fresh one each time (a fresh [128, 784] costs its zeroing, ~30 us here).
     */
    static Tensor gatherRowsInto(Tensor t, int[] rowIndices, Tensor out) {
        if (t.rank() < 1) {
            throw new IllegalArgumentException("gatherRows: needs rank >= 1, got a scalar");
        }
        int[] dims = t.dims();
        int n = dims[0];
        dims[0] = rowIndices.length;
        if (!out.shape().equals(Shape.of(dims)) || out.dtype() != t.dtype() || !out.isContiguous() || out.offset() != 0) {
            throw new IllegalArgumentException("gatherRows into: the target must be a contiguous " + t.dtype() + " tensor of shape "
                    + Shape.of(dims) + " at offset 0, got " + out.dtype() + " " + out.shape());
        }
        for (int r = 0; r < rowIndices.length; r++) {
            int src = rowIndices[r];
            if (src < 0 || src >= n) {
                throw new IndexOutOfBoundsException("gatherRows: row index " + src + " at position " + r + " is outside 0.." + (n - 1) + " of shape " + t.shape());
            }
        }
        Tensor c = t.contiguous();
        int rowSize = n == 0 ? 0 : t.size() / n;
        // Rows of a shuffled mini-batch are scattered over a dataset far larger than the caches: each copy waits on
        // memory, and two threads keep twice the misses in flight (128 rows of 784 floats: about 100 us in a training
        // step on one thread).
        Parallel.forRange(rowIndices.length, Math.max(1, Elementwise.GRAIN / Math.max(1, rowSize)), (start, end) -> {
            for (int r = start; r < end; r++) {
                int src = c.offset() + rowIndices[r] * rowSize;
                if (t.dtype() == DType.FLOAT32) {
                    System.arraycopy(c.floatData(), src, out.floatData(), r * rowSize, rowSize);
                } else {
                    System.arraycopy(c.doubleData(), src, out.doubleData(), r * rowSize, rowSize);
                }
            }
        });
        return out;
    }

    /** {@code out[rowIndices[r]] += grad[r]}: the adjoint of {@link #gatherRows}. */
    static Tensor scatterAddRows(Tensor grad, int[] rowIndices, int rows) {
        int[] dims = grad.dims();
        dims[0] = rows;
        Tensor out = Tensor.zeros(grad.dtype(), dims);
        Tensor g = grad.contiguous();
        for (int r = 0; r < rowIndices.length; r++) {
            out.rows(rowIndices[r], rowIndices[r] + 1).addInPlace(g.rows(r, r + 1), 1.0);
        }
        return out;
    }
}
