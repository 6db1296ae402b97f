package dev.temper.autograd;

/** Same elements, new shape. Backward: the gradient reshaped back. */
public final class Reshape {
    private Reshape() {}

    public static Variable apply(Variable x, int... shape) {
        int[] original = x.shape().toArray();
        return Variable.fromOp(x.value().reshape(shape), g -> x.accumulateGrad(g.reshape(original)), x);
    }
}
