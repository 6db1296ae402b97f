package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/** Sum of all elements, or along axes. Backward: the upstream gradient broadcast back to the input's shape. */
public final class Sum {
    private Sum() {}

    public static Variable apply(Variable x) {
        return Variable.fromOp(x.value().sum(), g -> x.accumulateGrad(broadcastTo(g, x)), x);
    }

    public static Variable apply(Variable x, boolean keepDims, int... axes) {
        Tensor kept = x.value().sum(true, axes);
        Tensor out = keepDims ? kept : x.value().sum(false, axes);
        return Variable.fromOp(out, g -> x.accumulateGrad(broadcastTo(g.reshape(kept.dims()), x)), x);
    }

    /** g (with size-1 axes where x was reduced) expanded to x's shape. */
    static Tensor broadcastTo(Tensor g, Variable x) {
        return Tensor.zeros(g.dtype(), x.shape().toArray()).add(g.reshape(keptShape(g, x)));
    }

    private static int[] keptShape(Tensor g, Variable x) {
        if (g.size() == 1) {
            int[] ones = new int[x.shape().rank()];
            java.util.Arrays.fill(ones, 1);
            return ones;
        }
        return g.dims();
    }
}
