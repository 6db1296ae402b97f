package dev.temper.tensor;

/**
 * Walks an output shape row by row (a row = the last axis) and gives, for each operand, the storage index where
 * that row starts and the stride along it. Operands broadcast to the output get stride 0 on the broadcast axes.
 */
final class StridedRows {
    final int rank;
    final int rows;
    final int rowLength;
    private final int[] dims;
    private final int[][] strides; // [operand][axis], aligned to the output rank
    private final int[] offsets;

    StridedRows(Shape out, Tensor... operands) {
        rank = out.rank();
        dims = out.toArray();
        rowLength = rank == 0 ? 1 : dims[rank - 1];
        rows = rowLength == 0 ? 0 : out.size() / rowLength;
        strides = new int[operands.length][];
        offsets = new int[operands.length];
        for (int k = 0; k < operands.length; k++) {
            strides[k] = alignedStrides(operands[k], out);
            offsets[k] = operands[k].offset();
        }
    }

    private static int[] alignedStrides(Tensor t, Shape out) {
        int[] s = new int[out.rank()];
        int lead = out.rank() - t.rank();
        for (int i = 0; i < t.rank(); i++) {
            s[lead + i] = t.dim(i) == 1 ? 0 : t.stride(i);
        }
        return s;
    }

    /** Stride of operand {@code k} along the row. */
    int innerStride(int k) {
        return rank == 0 ? 0 : strides[k][rank - 1];
    }

    /** Storage index where row {@code row} of operand {@code k} starts. */
    int rowStart(int k, int row) {
        int p = offsets[k];
        int[] s = strides[k];
        for (int axis = rank - 2; axis >= 0; axis--) {
            int d = dims[axis];
            p += (row % d) * s[axis];
            row /= d;
        }
        return p;
    }

    /** Rows per parallel chunk so that each chunk has roughly {@code elements} elements. */
    int rowGrain(int elements) {
        return Math.max(1, elements / Math.max(1, rowLength));
    }
}
