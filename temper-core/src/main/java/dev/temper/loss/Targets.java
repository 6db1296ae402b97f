package dev.temper.loss;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;

/** Shape checks shared by the losses. */
final class Targets {
    private Targets() {}

    /**
     * Targets with the output's shape and dtype. A {@code [batch]} target for a {@code [batch, 1]} output is
     * reshaped (the usual single-output regression or binary case); any other mismatch is an error.
     */
    static Tensor matching(String loss, Variable output, Tensor targets) {
        Tensor x = output.value();
        if (x.rank() == 0) {
            throw new IllegalArgumentException(loss + ": output must have a batch axis, got a scalar");
        }
        Tensor t = targets;
        if (!t.shape().equals(x.shape())) {
            if (t.rank() == 1 && x.rank() == 2 && x.dim(1) == 1 && t.dim(0) == x.dim(0)) {
                t = t.reshape(x.dims());
            } else {
                throw new IllegalArgumentException(loss + ": targets must have the output's shape " + x.shape() + ", got " + targets.shape());
            }
        }
        return t.to(x.dtype());
    }

    /** Checks that every target lies in {@code [low, high]}. */
    static void checkRange(String loss, Tensor targets, double low, double high) {
        for (int i = 0; i < targets.size(); i++) {
            double v = targets.getFlat(i);
            if (!(v >= low && v <= high)) {
                throw new IllegalArgumentException(loss + ": targets must lie in [" + low + ", " + high + "], got " + v + " at flat index " + i);
            }
        }
    }
}
