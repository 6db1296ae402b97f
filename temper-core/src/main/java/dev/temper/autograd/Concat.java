package dev.temper.autograd;

import dev.temper.tensor.Tensor;

/** Joins variables along an axis. Backward: each input gets its slice of the gradient. */
public final class Concat {
    private Concat() {}

    public static Variable apply(int axis, Variable... parts) {
        Tensor[] values = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parts[i].value();
        }
        Tensor out = Tensor.concat(axis, values);
        int a = out.shape().normalizeAxis(axis, "concat");
        return Variable.fromOp(out, g -> {
            int at = 0;
            for (Variable p : parts) {
                int len = p.shape().dim(a);
                if (p.requiresGrad()) {
                    p.accumulateGrad(g.narrow(a, at, len).contiguous());
                }
                at += len;
            }
        }, parts);
    }
}
