package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Layer outputs against numpy references ({@code src/test/fixtures/rnn.py}, PyTorch's equations in float64, weights
 * converted to our documented layout), loaded into the layers through their initializers. Checked twice: in float64
 * and with the weights copied into a default float32 layer; both within 1e-5 relative (plus 1e-6 absolute for
 * float32, whose rounding near zero is not relative).
 */
class RecurrentReferenceTest {
    private static final double RELATIVE = 1e-5;

    private static Layer build(String name, RnnFixture f, boolean returnSequences, boolean float64) {
        int features = f.get("x").dim(2);
        int units = f.get("recurrentKernel").dim(0);
        Rng rng = new Rng(1L);
        Layer layer;
        if (float64) {
            layer = switch (name) {
                case "lstm" -> new Lstm(features, units, returnSequences, f.initializer("kernel"), f.initializer("recurrentKernel"), f.initializer("bias"), rng);
                case "simple_rnn" -> new SimpleRnn(features, units, returnSequences, f.initializer("kernel"), f.initializer("recurrentKernel"), f.initializer("bias"), rng);
                default -> new Gru(features, units, returnSequences, f.initializer("kernel"), f.initializer("recurrentKernel"),
                        biasesInOrder(f), rng);
            };
            return layer;
        }
        layer = switch (name) {
            case "lstm" -> new Lstm(features, units, returnSequences, rng);
            case "simple_rnn" -> new SimpleRnn(features, units, returnSequences, rng);
            default -> new Gru(features, units, returnSequences, rng);
        };
        for (Parameter p : layer.parameters()) {
            p.value().copyFromInPlace(f.get(p.name()));
        }
        return layer;
    }

    /** The GRU constructor asks for {@code bias} first, then {@code recurrentBias}. */
    private static Initializer biasesInOrder(RnnFixture f) {
        Tensor[] order = {f.get("bias"), f.get("recurrentBias")};
        int[] next = {0};
        return (shape, fanIn, fanOut, rng) -> order[next[0]++].copy();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lstm", "gru", "simple_rnn"})
    void matchesNumpyReferenceInBothReturnModesAndTypes(String name) {
        RnnFixture f = RnnFixture.load(name);
        for (boolean float64 : new boolean[] {true, false}) {
            DType dtype = float64 ? DType.FLOAT64 : DType.FLOAT32;
            Variable x = Variable.constant(f.get("x").to(dtype));
            Tensor sequence = build(name, f, true, float64).forward(x, ForwardContext.inference()).value();
            Tensor last = build(name, f, false, float64).forward(x, ForwardContext.inference()).value();
            assertEquals(dtype, sequence.dtype());
            double absolute = float64 ? 0.0 : 1e-6;
            assertClose(name + " " + dtype + " sequence", f.get("output"), sequence, absolute);
            assertClose(name + " " + dtype + " last step", f.lastStep(), last, absolute);
        }
    }

    private static void assertClose(String what, Tensor expected, Tensor actual, double absolute) {
        assertEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            double tolerance = absolute + RELATIVE * Math.abs(e[i]);
            assertTrue(Math.abs(e[i] - a[i]) <= tolerance, what + ": element " + i + " expected " + e[i] + ", got " + a[i]);
        }
    }
}
