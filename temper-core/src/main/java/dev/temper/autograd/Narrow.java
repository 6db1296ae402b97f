package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/**
 * Elements {@code start .. start+length-1} along one axis (PyTorch's {@code narrow}), copied out contiguous.
 * Backward: the gradient is written into that slice of a zero tensor of the input's shape, so the other elements
 * get zero. Recurrent layers use it to take one time step of a sequence and one gate block of a pre-activation.
 */
public final class Narrow {
    private Narrow() {}

    public static Variable apply(Variable x, int axis, int start, int length) {
        int rank = x.shape().rank();
        int a = x.shape().normalizeAxis(axis, "narrow");
        int size = x.shape().dim(a);
        if (start < 0 || length < 1 || start + length > size) {
            throw new IllegalArgumentException("Narrow: range start=" + start + ", length=" + length + " must lie inside axis " + axis
                    + " (size " + size + ") of input shape " + x.shape() + " (rank " + rank + ")");
        }
        Tensor out = x.value().narrow(a, start, length).contiguous();
        return Variable.fromOp(out, g -> {
            Tensor full = Tensor.zeros(g.dtype(), x.shape().toArray());
            full.narrow(a, start, length).copyFromInPlace(g);
            x.accumulateGrad(full);
        }, x);
    }
}
