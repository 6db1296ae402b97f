package dev.temper.autograd;

/** Rows picked by index (repeats allowed). Backward: each row's gradient added back at its source row. */
public final class GatherRows {
    private GatherRows() {}

    public static Variable apply(Variable x, int[] rows) {
        int[] picked = rows.clone();
        return Variable.fromOp(x.value().gatherRows(picked),
                g -> x.accumulateGrad(g.scatterAddRows(picked, x.shape().dim(0))), x);
    }
}
