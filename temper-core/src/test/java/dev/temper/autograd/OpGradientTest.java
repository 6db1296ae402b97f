package dev.temper.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.loss.MeanSquaredError;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.Dropout;
import dev.temper.nn.ForwardContext;
import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every differentiable op against central finite differences ({@link GradCheck#DEFAULT}, float64), in one table.
 * Inputs are seeded normals, moved away from poles (Divide, Log) and kinks (Relu) where the op has them.
 */
class OpGradientTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void analyticGradientMatchesFiniteDifferences(String name, Function<List<Variable>, Variable> f, Tensor[] inputs) {
        GradCheck.Result result = GradCheck.DEFAULT.check(f, inputs);
        assertTrue(result.passed(), name + ": " + result);
        int elements = 0;
        for (Tensor t : inputs) {
            elements += t.size();
        }
        assertEquals(elements, result.checkedElements(), name + ": every input element is checked");
    }

    static Stream<Arguments> cases() {
        Rng rng = new Rng(20240611L);
        Tensor mask = normal(rng, 3, 5); // drawn once: the op under test must see the same constant on every call
        Tensor dropMask = Tensor.of(new double[] {1.25, 0, 1.25, 1.25, 1.25, 0, 1.25, 1.25, 0, 1.25, 1.25, 1.25, 1.25, 1.25, 0}, 3, 5);
        return Stream.of(
                // ---- elementwise binary, with broadcasting ----
                op("add [3,4] + [3,4]", v -> v.get(0).add(v.get(1)), normal(rng, 3, 4), normal(rng, 3, 4)),
                op("add [3,4] + [4]", v -> v.get(0).add(v.get(1)), normal(rng, 3, 4), normal(rng, 4)),
                op("add [2,1,4] + [3,1]", v -> v.get(0).add(v.get(1)), normal(rng, 2, 1, 4), normal(rng, 3, 1)),
                op("add [4] + [3,4] (left operand broadcast)", v -> v.get(0).add(v.get(1)), normal(rng, 4), normal(rng, 3, 4)),
                op("subtract [3,4] - [3,4]", v -> v.get(0).sub(v.get(1)), normal(rng, 3, 4), normal(rng, 3, 4)),
                op("subtract [3,4] - [4]", v -> v.get(0).sub(v.get(1)), normal(rng, 3, 4), normal(rng, 4)),
                op("subtract [2,1,4] - [3,1]", v -> v.get(0).sub(v.get(1)), normal(rng, 2, 1, 4), normal(rng, 3, 1)),
                op("multiply [3,4] * [3,4]", v -> v.get(0).mul(v.get(1)), normal(rng, 3, 4), normal(rng, 3, 4)),
                op("multiply [3,4] * [4]", v -> v.get(0).mul(v.get(1)), normal(rng, 3, 4), normal(rng, 4)),
                op("multiply [2,1,4] * [3,1]", v -> v.get(0).mul(v.get(1)), normal(rng, 2, 1, 4), normal(rng, 3, 1)),
                op("divide [3,4] / [3,4]", v -> v.get(0).div(v.get(1)), normal(rng, 3, 4), awayFromZero(rng, 3, 4)),
                op("divide [3,4] / [4]", v -> v.get(0).div(v.get(1)), normal(rng, 3, 4), awayFromZero(rng, 4)),
                op("divide [2,1,4] / [3,1]", v -> v.get(0).div(v.get(1)), normal(rng, 2, 1, 4), awayFromZero(rng, 3, 1)),
                op("divide by negative denominators", v -> v.get(0).div(v.get(1).neg()), normal(rng, 3, 4), awayFromZero(rng, 3, 4)),
                op("scale by 2.5", v -> v.get(0).mul(2.5), normal(rng, 3, 4)),
                op("negate", v -> v.get(0).neg(), normal(rng, 3, 4)),

                // ---- elementwise unary ----
                op("exp", v -> v.get(0).exp(), normal(rng, 3, 4)),
                op("log (inputs >= 0.5)", v -> v.get(0).log(), awayFromZero(rng, 3, 4)),
                op("square", v -> v.get(0).square(), normal(rng, 3, 4)),
                op("relu (|x| > 0.1)", v -> v.get(0).relu(), awayFromKink(rng, 3, 4)),
                op("sigmoid", v -> v.get(0).sigmoid(), normal(rng, 3, 4)),
                op("tanh", v -> v.get(0).tanh(), normal(rng, 3, 4)),

                // ---- softmax family (last axis) ----
                op("softmax [3,5]", v -> v.get(0).softmax(), normal(rng, 3, 5)),
                op("softmax [2,3,4] (rank 3)", v -> v.get(0).softmax(), normal(rng, 2, 3, 4)),
                op("logSoftmax [3,5]", v -> v.get(0).logSoftmax(), normal(rng, 3, 5)),
                op("logSoftmax [2,3,4] (rank 3)", v -> v.get(0).logSoftmax(), normal(rng, 2, 3, 4)),

                // ---- matrix products ----
                op("matmul [3,4] @ [4,5]", v -> v.get(0).matmul(v.get(1)), normal(rng, 3, 4), normal(rng, 4, 5)),
                op("matmul [4,3]^T @ [4,5] (transposed view on the left)",
                        v -> v.get(0).transpose().matmul(v.get(1)), normal(rng, 4, 3), normal(rng, 4, 5)),
                op("matmul [3,4] @ [5,4]^T (transposed view on the right)",
                        v -> v.get(0).matmul(v.get(1).transpose()), normal(rng, 3, 4), normal(rng, 5, 4)),
                op("matmul [4,3]^T @ [5,4]^T (both transposed)",
                        v -> v.get(0).transpose().matmul(v.get(1).transpose()), normal(rng, 4, 3), normal(rng, 5, 4)),
                op("matmul batched [2,3,4] @ [2,4,5]", v -> v.get(0).matmul(v.get(1)), normal(rng, 2, 3, 4), normal(rng, 2, 4, 5)),
                op("matmul batch-broadcast [2,3,4] @ [4,5]", v -> v.get(0).matmul(v.get(1)), normal(rng, 2, 3, 4), normal(rng, 4, 5)),
                op("matmul batch-broadcast [3,4] @ [2,4,5]", v -> v.get(0).matmul(v.get(1)), normal(rng, 3, 4), normal(rng, 2, 4, 5)),
                op("matmul batch-broadcast [2,4,3]^T @ [4,5] (transposed batched view)",
                        v -> v.get(0).transpose().matmul(v.get(1)), normal(rng, 2, 4, 3), normal(rng, 4, 5)),
                op("linear with bias", v -> Linear.apply(v.get(0), v.get(1), v.get(2)),
                        normal(rng, 3, 4), normal(rng, 4, 5), normal(rng, 5)),
                op("linear without bias", v -> Linear.apply(v.get(0), v.get(1), null), normal(rng, 3, 4), normal(rng, 4, 5)),
                // the weight gradient is written by GEMM into the leaf's own tensor: a second use adds with beta 1
                op("linear applied twice with the same weight and bias",
                        v -> Linear.apply(Linear.apply(v.get(0), v.get(1), v.get(2)).tanh(), v.get(1), v.get(2)),
                        normal(rng, 3, 4), normal(rng, 4, 4), normal(rng, 4)),
                op("linear whose weight also has a sum-of-squares penalty",
                        v -> Linear.apply(v.get(0), v.get(1), null).add(v.get(1).sumOfSquares().mul(0.3)),
                        normal(rng, 3, 4), normal(rng, 4, 5)),
                // an op between two linears receives a gradient of its own (dx of the upper linear) and may
                // overwrite it: ReLU, and a multiply by a constant mask (dropout), alone and with a second use
                op("relu between two linears",
                        v -> Linear.apply(Linear.apply(v.get(0), v.get(1), null).relu(), v.get(2), null),
                        normal(rng, 3, 4), normal(rng, 4, 5), normal(rng, 5, 2)),
                // the fused form: its gradient is masked in place when it owns it (below another linear), copied when not
                op("linear with fused relu, between two linears",
                        v -> Linear.apply(Linear.applyWithRelu(v.get(0), v.get(1), v.get(3)), v.get(2), null),
                        normal(rng, 3, 4), normal(rng, 4, 5), normal(rng, 5, 2), normal(rng, 5)),
                op("linear with fused relu, used twice",
                        v -> { Variable h = Linear.applyWithRelu(v.get(0), v.get(1), null); return h.add(h.mul(h)); },
                        normal(rng, 3, 4), normal(rng, 4, 5)),
                // wider than one 256-column block of the axis sum: the bias gradient's second block once read the first's columns
                op("linear with 300 outputs", v -> Linear.apply(v.get(0), v.get(1), v.get(2)),
                        normal(rng, 5, 3), normal(rng, 3, 300), normal(rng, 300)),
                op("linear with fused relu and dropout mask, between two linears",
                        v -> Linear.apply(Linear.applyWithReluAndMask(v.get(0), v.get(1), v.get(3), dropMask), v.get(2), null),
                        normal(rng, 3, 4), normal(rng, 4, 5), normal(rng, 5, 2), normal(rng, 5)),
                op("linear with fused relu and dropout mask, used twice",
                        v -> { Variable h = Linear.applyWithReluAndMask(v.get(0), v.get(1), null, dropMask); return h.add(h.mul(h)); },
                        normal(rng, 3, 4), normal(rng, 4, 5)),
                // the same op with the mask multiplied in by a callback (float32 models draw it there, never stored)
                op("linear with fused relu and dropout applied in place, between two linears",
                        v -> Linear.apply(Linear.applyWithReluAndDropout(v.get(0), v.get(1), v.get(3), y -> y.mulInPlace(dropMask), 1.25),
                                v.get(2), null),
                        normal(rng, 3, 4), normal(rng, 4, 5), normal(rng, 5, 2), normal(rng, 5)),
                op("linear with fused relu and dropout applied in place, used twice",
                        v -> { Variable h = Linear.applyWithReluAndDropout(v.get(0), v.get(1), null, y -> y.mulInPlace(dropMask), 1.25);
                            return h.add(h.mul(h)); },
                        normal(rng, 3, 4), normal(rng, 4, 5)),
                op("constant mask between two linears",
                        v -> Linear.apply(Linear.apply(v.get(0), v.get(1), null).mul(Variable.constant(mask)),
                                v.get(2), null), normal(rng, 3, 4), normal(rng, 4, 5), normal(rng, 5, 2)),
                op("product of two variables between two linears",
                        v -> Linear.apply(Linear.apply(v.get(0), v.get(1), null).mul(v.get(3)), v.get(2), null),
                        normal(rng, 3, 4), normal(rng, 4, 5), normal(rng, 5, 2), normal(rng, 3, 5)),
                op("square by multiply between two linears",
                        v -> { Variable h = Linear.apply(v.get(0), v.get(1), null); return Linear.apply(h.mul(h), v.get(2), null); },
                        normal(rng, 3, 4), normal(rng, 4, 5), normal(rng, 5, 2)),
                op("relu output used twice",
                        v -> { Variable h = Linear.apply(v.get(0), v.get(1), null).relu(); return Linear.apply(h, v.get(2), null).add(h.sum()); },
                        normal(rng, 3, 4), normal(rng, 4, 5), normal(rng, 5, 2)),
                op("sum-of-squares penalty first, then linear, on the same weight",
                        v -> v.get(1).sumOfSquares().add(Linear.apply(v.get(0), v.get(1), null).sum()),
                        normal(rng, 3, 4), normal(rng, 4, 5)),

                // ---- reductions ----
                op("sum of all elements", v -> v.get(0).sum(), normal(rng, 2, 3, 4)),
                op("sum of squares", v -> v.get(0).sumOfSquares(), normal(rng, 2, 3, 4)),
                op("sum of squares of a transposed view", v -> v.get(0).transpose().sumOfSquares().mul(-1.5), normal(rng, 3, 4)),
                op("sum of squares of an intermediate used twice",
                        v -> { Variable h = v.get(0).tanh(); return h.sumOfSquares().add(h.sum()); }, normal(rng, 3, 4)),
                op("sum over axis 0", v -> v.get(0).sum(false, 0), normal(rng, 3, 4)),
                op("sum over axis 0 keepDims", v -> v.get(0).sum(true, 0), normal(rng, 3, 4)),
                op("sum over axes {0,2}", v -> v.get(0).sum(false, 0, 2), normal(rng, 2, 3, 4)),
                op("sum over axes {0,2} keepDims", v -> v.get(0).sum(true, 0, 2), normal(rng, 2, 3, 4)),
                op("sum over axis -1", v -> v.get(0).sum(false, -1), normal(rng, 2, 3, 4)),
                op("sum over axis -1 keepDims", v -> v.get(0).sum(true, -1), normal(rng, 2, 3, 4)),
                op("sum over an axis of size 1 that leaves one element", v -> v.get(0).sum(false, 1), normal(rng, 1, 3)),
                op("mean of all elements", v -> v.get(0).mean(), normal(rng, 2, 3, 4)),
                op("mean over axis 1", v -> v.get(0).mean(false, 1), normal(rng, 2, 3, 4)),
                op("mean over axis -1 keepDims", v -> v.get(0).mean(true, -1), normal(rng, 2, 3, 4)),
                op("mean over axes {0,2}", v -> v.get(0).mean(false, 0, 2), normal(rng, 2, 3, 4)),

                // ---- shape ops ----
                op("reshape [3,4] -> [2,6]", v -> v.get(0).reshape(2, 6), normal(rng, 3, 4)),
                op("reshape [2,3,4] -> [-1,4]", v -> v.get(0).reshape(-1, 4), normal(rng, 2, 3, 4)),
                op("reshape of a transposed view", v -> v.get(0).transpose().reshape(12), normal(rng, 3, 4)),
                op("transpose [3,4]", v -> v.get(0).transpose(), normal(rng, 3, 4)),
                op("transpose [2,3,4] (last two axes)", v -> v.get(0).transpose(), normal(rng, 2, 3, 4)),
                op("gatherRows with repeated indices", v -> v.get(0).gatherRows(new int[] {0, 2, 2, 3, 0, 2}), normal(rng, 4, 3)),
                op("concat of three along axis 0", v -> Concat.apply(0, v.get(0), v.get(1), v.get(2)),
                        normal(rng, 2, 3), normal(rng, 1, 3), normal(rng, 3, 3)),
                op("concat of three along axis 1", v -> Concat.apply(1, v.get(0), v.get(1), v.get(2)),
                        normal(rng, 2, 1), normal(rng, 2, 3), normal(rng, 2, 2)),
                op("concat of three along axis -1 (rank 3)", v -> Concat.apply(-1, v.get(0), v.get(1), v.get(2)),
                        normal(rng, 2, 3, 1), normal(rng, 2, 3, 2), normal(rng, 2, 3, 3)),

                // ---- losses ----
                op("softmax cross-entropy", v -> SoftmaxCrossEntropy.apply(v.get(0), new int[] {0, 3, 3, 1}), normal(rng, 4, 5)),
                op("softmax cross-entropy with logits of +-50", v -> SoftmaxCrossEntropy.apply(v.get(0), new int[] {1, 0, 2}),
                        largeLogits()),
                op("softmax cross-entropy loss (class indices as a tensor)",
                        v -> new SoftmaxCrossEntropyLoss().compute(v.get(0), Tensor.of(new double[] {2, 0, 1}, 3)), normal(rng, 3, 4)),
                op("mean squared error", v -> new MeanSquaredError().compute(v.get(0), normal(new Rng(5), 3, 4)), normal(rng, 3, 4)),
                op("mean squared error with [batch] targets for a [batch,1] output",
                        v -> new MeanSquaredError().compute(v.get(0), normal(new Rng(6), 5)), normal(rng, 5, 1)),

                // ---- dropout with a fixed mask: the multiply-by-constant-mask path Dropout uses ----
                op("dropout as x * fixed mask (rate 0.5)", v -> v.get(0).mul(Variable.constant(dropoutMask(0.5, 4, 6))), normal(rng, 4, 6)),
                op("dropout layer with a generator reseeded on every call",
                        v -> new Dropout(0.3).forward(v.get(0), ForwardContext.training(new Rng(77))), normal(rng, 4, 6)),

                // ---- graphs of several ops ----
                op("tanh(x @ w + b), logSoftmax, mean", v -> v.get(0).matmul(v.get(1)).add(v.get(2)).tanh().logSoftmax().mean(),
                        normal(rng, 3, 4), normal(rng, 4, 5), normal(rng, 5)),
                op("x * x + x (one input used three times)", v -> v.get(0).mul(v.get(0)).add(v.get(0)), normal(rng, 3, 4)),
                op("x used by two branches of different ops", v -> v.get(0).exp().mul(v.get(0).sigmoid()).sub(v.get(1).matmul(v.get(0))),
                        normal(rng, 3, 3), normal(rng, 3, 3)));
    }

    @Test
    void softmaxCrossEntropyOfHugeLogitsIsFiniteAndMatchesTheClosedForm() {
        // Row 0: logits [50, -50, 0], label 1: loss = log(e^50 + e^-50 + 1) + 50 = 100 + log(1 + e^-50 + e^-100).
        // Row 1: logits [-50, 50, 50], label 0: loss = 100 + log(2 + e^-100).
        Tensor logits = Tensor.of(new double[] {50, -50, 0, -50, 50, 50}, 2, 3);
        Variable x = new Variable(logits, true);
        Variable loss = SoftmaxCrossEntropy.apply(x, new int[] {1, 0});
        double expected = (100 + Math.log1p(Math.exp(-50)) + 100 + Math.log(2)) / 2;
        assertEquals(expected, loss.value().item(), 1e-12);
        loss.backward();
        // dx = (softmax - onehot) / batch: row 0 is ~[1, -1, 0] / 2, row 1 ~[-1, 0.5, 0.5] / 2.
        double[] expectedGrad = {0.5, -0.5, 0, -0.5, 0.25, 0.25};
        double[] grad = x.grad().toDoubleArray();
        for (int i = 0; i < grad.length; i++) {
            assertTrue(Double.isFinite(grad[i]), "gradient element " + i + " is " + grad[i]);
            assertEquals(expectedGrad[i], grad[i], 1e-12, "gradient element " + i);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Arguments op(String name, Function<List<Variable>, Variable> f, Tensor... inputs) {
        return Arguments.of(name, f, inputs);
    }

    private static Tensor normal(Rng rng, int... shape) {
        return rng.normal(0f, 1f, shape).to(DType.FLOAT64);
    }

    /** |x| + 0.5: positive and at least 0.5, for denominators and logarithms. */
    private static Tensor awayFromZero(Rng rng, int... shape) {
        return normal(rng, shape).abs().add(0.5);
    }

    /** Normals pushed 0.1 further from 0, so that no finite-difference step crosses ReLU's kink. */
    private static Tensor awayFromKink(Rng rng, int... shape) {
        Tensor t = normal(rng, shape);
        for (int i = 0; i < t.size(); i++) {
            double x = t.getFlat(i);
            t.setFlat(i, x + (x < 0 ? -0.1 : 0.1));
        }
        return t;
    }

    /** Logits so large that a naive softmax-then-log would overflow or give log(0). */
    private static Tensor largeLogits() {
        return Tensor.of(new double[] {50, -50, 0, 1, -50, 50, 50, 0.5, 50, 49, -50, 3}, 3, 4);
    }

    /** An inverted-dropout mask as Dropout builds it: 0 or 1/(1-rate), seeded. */
    private static Tensor dropoutMask(double rate, int... shape) {
        Tensor keep = new Rng(99).bernoulli((float) (1 - rate), shape).to(DType.FLOAT64);
        return keep.mul(1.0 / (1 - rate));
    }
}
