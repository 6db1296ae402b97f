package dev.temper.autograd;

import dev.temper.tensor.Tensor;
import java.util.function.Consumer;

/**
 * The dense layer's fused op, {@code y = x @ w + b} for {@code x [batch, in]}, {@code w [in, out]},
 * {@code b [out]} (b may be null). One GEMM forward (the bias is preloaded into the output), and backward
 * {@code dx = g @ w^T}, {@code dw = x^T @ g}, {@code db = sum over rows of g}.
 */
public final class Linear {
    private Linear() {}

    public static Variable apply(Variable x, Variable w, Variable b) {
        Variable[] inputs = b == null ? new Variable[] {x, w} : new Variable[] {x, w, b};
        return Variable.fromOp(x.value().linear(w.value(), b == null ? null : b.value()), (Backward.Consuming) (g, owned) -> backward(g, x, w, b), inputs);
    }

    /**
     * {@code max(x @ w + b, 0)} as one op: the ReLU written over the fresh output while it is in cache, and its
     * gradient mask applied to the output gradient in place when the gradient is this op's own, instead of a
     * separate ReLU node with its own output tensor and passes (TensorFlow fuses MatMul, BiasAdd and Relu the same
     * way). The same values and gradients as {@code apply(x, w, b).relu()}.
     */
    public static Variable applyWithRelu(Variable x, Variable w, Variable b) {
        Variable[] inputs = b == null ? new Variable[] {x, w} : new Variable[] {x, w, b};
        Tensor y = x.value().linearRelu(w.value(), b == null ? null : b.value());
        return Variable.fromOp(y, (Backward.Consuming) (g, owned) -> backward(owned ? g.keepWherePositiveInPlace(y) : g.keepWherePositive(y), x, w, b), inputs);
    }

    /**
     * {@code max(x @ w + b, 0) * mask} as one op, for a ReLU followed by dropout ({@code mask} holds 0 and
     * {@code 1 / (1 - rate)}): the mask multiplied into the fresh output, and the gradient masked by it and by the
     * ReLU in place where the gradient is this op's own, instead of a separate product with its own output and
     * gradient tensors. Values are the bits of {@code applyWithRelu(x, w, b).mul(constant(mask))}; gradients too,
     * except that where a unit was dropped this op's gradient is {@code +0} where the separate ops give
     * {@code g * 0} (a zero of {@code g}'s sign, NaN for an infinite {@code g}).
     */
    public static Variable applyWithReluAndMask(Variable x, Variable w, Variable b, Tensor mask) {
        Variable[] inputs = b == null ? new Variable[] {x, w} : new Variable[] {x, w, b};
        Tensor y = x.value().linearRelu(w.value(), b == null ? null : b.value()).mulInPlace(mask);
        // y > 0 exactly where the ReLU passed and the unit was kept, since kept units are scaled by a factor > 1
        return Variable.fromOp(y, (Backward.Consuming) (g, owned) -> backward((owned ? g.mulInPlace(mask) : g.mul(mask)).keepWherePositiveInPlace(y), x, w, b), inputs);
    }

    /**
     * {@code max(x @ w + b, 0) * mask} as one op, where {@code dropout} multiplies the fresh float32 output in place by
     * a mask of 0 and {@code keptScale} that it draws and never stores ({@code Rng.multiplyByDropoutMask}): no mask
     * tensor forward, and backward the gradient is {@code g * keptScale} where the output is positive, else 0, since a
     * positive output is a kept unit. The bits of {@link #applyWithReluAndMask} given the same mask.
     */
    public static Variable applyWithReluAndDropout(Variable x, Variable w, Variable b, Consumer<Tensor> dropout,
                                                   double keptScale) {
        Variable[] inputs = b == null ? new Variable[] {x, w} : new Variable[] {x, w, b};
        Tensor y = x.value().linearRelu(w.value(), b == null ? null : b.value());
        dropout.accept(y);
        return Variable.fromOp(y, (Backward.Consuming) (g, owned) -> backward(owned ? g.mulKeepWherePositiveInPlace(keptScale, y)
                : g.mul(keptScale).keepWherePositiveInPlace(y), x, w, b), inputs);
    }

    private static void backward(Tensor g, Variable x, Variable w, Variable b) {
        if (x.requiresGrad()) {
            // on a consumed gradient's storage where one is free (written whole: GEMM with beta 0); the same bits as matmul
            Tensor dx = Tensor.recycled(g.dtype(), g.dim(0), w.value().dim(0));
            dx.matmulAccumulateInPlace(g, w.value().transpose(), 0.0);
            x.accumulateFreshGrad(dx);
        }
        if (w.requiresGrad()) {
            w.accumulateMatmulGrad(x.value().transpose(), g); // GEMM straight into the weight's gradient
        }
        if (b != null && b.requiresGrad()) {
            b.accumulateFreshGrad(g.sum(false, 0));
        }
    }
}
