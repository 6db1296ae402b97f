package dev.temper.autograd;

/**
 * The dense layer's fused op, {@code y = x @ w + b} for {@code x [batch, in]}, {@code w [in, out]},
 * {@code b [out]} (b may be null). One GEMM forward (the bias is preloaded into the output), and backward
 * {@code dx = g @ w^T}, {@code dw = x^T @ g}, {@code db = sum over rows of g}.
 */
public final class Linear {
    private Linear() {}

    public static Variable apply(Variable x, Variable w, Variable b) {
        Variable[] inputs = b == null ? new Variable[] {x, w} : new Variable[] {x, w, b};
        return Variable.fromOp(x.value().linear(w.value(), b == null ? null : b.value()), g -> {
            if (x.requiresGrad()) {
                x.accumulateFreshGrad(g.matmul(w.value().transpose()));
            }
            if (w.requiresGrad()) {
                w.accumulateMatmulGrad(x.value().transpose(), g); // GEMM straight into the weight's gradient
            }
            if (b != null && b.requiresGrad()) {
                b.accumulateFreshGrad(g.sum(false, 0));
            }
        }, inputs);
    }
}
