package dev.temper.autograd;

/** Mean of all elements, or along axes: a {@link Sum} scaled by 1/count (composed from the two primitives). */
public final class Mean {
    private Mean() {}

    public static Variable apply(Variable x) {
        return Scale.apply(Sum.apply(x), 1.0 / Math.max(1, x.value().size()));
    }

    public static Variable apply(Variable x, boolean keepDims, int... axes) {
        long count = 1;
        if (axes.length == 0) {
            count = x.value().size();
        } else {
            for (int a : axes) {
                count *= x.shape().dim(a);
            }
        }
        return Scale.apply(Sum.apply(x, keepDims, axes), 1.0 / Math.max(1, count));
    }
}
