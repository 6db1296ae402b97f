package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DropBlockTest {

    @Test
    void gammaIsEquationOneOfThePaper() {
        // Ghiasi et al. 2018 eq. 1: gamma = (1 - keep_prob) / block_size^2 * feat_size^2 / (feat_size - block_size + 1)^2
        assertEquals(0.1 / 9 * 100 / 64, DropBlock.gamma(0.1, 3, 10, 10), 1e-15);
        assertEquals(0.1, DropBlock.gamma(0.1, 1, 7, 9), 1e-15, "block size 1 is element-wise dropout");
        assertEquals(0.3, DropBlock.gamma(0.3, 6, 6, 6), 1e-15, "one block covering the map");
    }

    @Test
    void dropsContiguousBlocksAndRescalesTheKeptUnits() {
        int size = 3;
        Variable x = new Variable(Tensor.ones(4, 8, 12, 12), true);
        Variable y = new DropBlock(size, 0.15).forward(x, ForwardContext.training(new Rng(1)));
        y.sum().backward();
        Tensor out = y.value();
        int zeros = 0;
        double kept = -1;
        for (int n = 0; n < 4; n++) {
            for (int c = 0; c < 8; c++) {
                for (int i = 0; i < 12; i++) {
                    for (int j = 0; j < 12; j++) {
                        double v = out.get(n, c, i, j);
                        // the gradient of sum(x * M * scale) is M * scale: zero exactly where the unit was dropped
                        assertEquals(v, x.grad().get(n, c, i, j), 0.0);
                        if (v == 0) {
                            zeros++;
                            assertTrue(insideAZeroBlock(out, n, c, i, j, size), "dropped unit " + n + "," + c + "," + i + "," + j
                                    + " lies in a fully dropped " + size + "x" + size + " block");
                        } else if (kept < 0) {
                            kept = v;
                        } else {
                            assertEquals(kept, v, 0.0, "one scale for all kept units");
                        }
                    }
                }
            }
        }
        assertTrue(zeros > 0, "some blocks dropped");
        assertEquals(out.size() / (double) (out.size() - zeros), kept, 1e-5, "scale count(M) / count_ones(M)");
        assertEquals(1.0, out.mean().item(), 1e-5, "the normalization keeps the mean exactly");
    }

    private static boolean insideAZeroBlock(Tensor out, int n, int c, int i, int j, int size) {
        int h = out.dim(2);
        int w = out.dim(3);
        for (int top = Math.max(0, i - size + 1); top <= Math.min(i, h - size); top++) {
            for (int left = Math.max(0, j - size + 1); left <= Math.min(j, w - size); left++) {
                boolean allZero = true;
                for (int a = top; a < top + size && allZero; a++) {
                    for (int b = left; b < left + size && allZero; b++) {
                        allZero = out.get(n, c, a, b) == 0;
                    }
                }
                if (allZero) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void dropsTheExpectedFraction() {
        int h = 20;
        int w = 20;
        int size = 5;
        double rate = 0.1;
        Tensor out = new DropBlock(size, rate).forward(Variable.constant(Tensor.ones(16, 32, h, w)),
                ForwardContext.training(new Rng(2))).value();
        int zeros = 0;
        for (int i = 0; i < out.size(); i++) {
            zeros += out.getFlat(i) == 0 ? 1 : 0;
        }
        // Exact expectation: unit (i, j) is covered by k(i, j) possible blocks, each drawn with probability gamma,
        // so it is dropped with probability 1 - (1 - gamma)^k(i, j).
        double gamma = DropBlock.gamma(rate, size, h, w);
        double expected = 0;
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                expected += 1 - Math.pow(1 - gamma, covering(i, h, size) * covering(j, w, size));
            }
        }
        expected /= h * w;
        // 512 maps with ~1.6 blocks of 25/400 of a map each: sd of the dropped fraction ~0.0035
        assertEquals(expected, zeros / (double) out.size(), 0.015, "dropped fraction");
        assertTrue(expected < rate && expected > 0.9 * rate, "the fraction is rate to first order, a little below: " + expected);
    }

    /** How many block positions along an axis of length n cover index i. */
    private static int covering(int i, int n, int size) {
        return Math.min(i, n - size) - Math.max(0, i - size + 1) + 1;
    }

    @Test
    void followsARateSchedule() {
        double[] rate = {0.0};
        DropBlock layer = new DropBlock(2, () -> rate[0]);
        Variable x = Variable.constant(Tensor.ones(2, 3, 8, 8));
        assertSame(x, layer.forward(x, ForwardContext.training(new Rng(3))), "rate 0 at the start of the ramp");
        rate[0] = 0.3;
        Tensor out = layer.forward(x, ForwardContext.training(new Rng(3))).value();
        assertTrue(out.sum().item() > 0 && !out.contentEquals(x.value()), "blocks dropped once the rate has grown");
        rate[0] = 1.2;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(x, ForwardContext.training(new Rng(3))));
        assertEquals("DropBlock: rate (probability of dropping) must be in [0, 1), got 1.2", e.getMessage());
    }

    @Test
    void badArgumentsAreRefusedNamingTheLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DropBlock(0, 0.1));
        assertEquals("DropBlock: blockSize must be >= 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DropBlock(3, 1.0));
        IllegalArgumentException fit = assertThrows(IllegalArgumentException.class,
                () -> new DropBlock(5, 0.1).forward(Variable.constant(Tensor.ones(1, 1, 4, 8)), ForwardContext.inference()));
        assertEquals("DropBlock: blockSize 5 must fit the feature map 4x8 of input [1, 1, 4, 8]", fit.getMessage());
    }
}
