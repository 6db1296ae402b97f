package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NoiseAndMixupTest {
    @Test
    void gaussianNoiseHasTheRequestedMeanAndStd() {
        int n = 200_000;
        Tensor images = Tensor.full(0.5f, 100, n / 100);
        float[] out = new GaussianNoise(0.2).apply(images, new Rng(3)).toFloatArray();
        double sum = 0;
        double squares = 0;
        for (float v : out) {
            sum += v - 0.5;
            squares += (v - 0.5) * (v - 0.5);
        }
        double mean = sum / n;
        double std = Math.sqrt(squares / n - mean * mean);
        // standard errors: of the mean 0.2 / sqrt(n) = 4.5e-4, of the std about 0.2 / sqrt(2n) = 3.2e-4; allow 5 of each
        assertEquals(0.0, mean, 5 * 0.2 / Math.sqrt(n));
        assertEquals(0.2, std, 5 * 0.2 / Math.sqrt(2.0 * n));
    }

    @Test
    void mixupMixesFeaturesAndTargetsWithTheSameLambda() {
        Rng data = new Rng(1);
        Tensor x = data.uniform(0f, 1f, 8, 5);
        Tensor y = Mixup.oneHot(Tensor.of(new float[] {0, 1, 2, 0, 1, 2, 0, 1}, 8), 3);
        float[] xBefore = x.toFloatArray();
        float[] yBefore = y.toFloatArray();
        MixedBatch mixed = new Mixup(0.4).apply(new Batch(x, y), new Rng(12));
        double lambda = mixed.lambda();
        assertTrue(lambda >= 0 && lambda <= 1, "lambda " + lambda);
        int[] p = mixed.partners();
        float[] mx = mixed.features().toFloatArray();
        float[] my = mixed.targets().toFloatArray();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(lambda * xBefore[i * 5 + j] + (1 - lambda) * xBefore[p[i] * 5 + j], mx[i * 5 + j], 1e-6);
            }
            double rowSum = 0;
            for (int j = 0; j < 3; j++) {
                assertEquals(lambda * yBefore[i * 3 + j] + (1 - lambda) * yBefore[p[i] * 3 + j], my[i * 3 + j], 1e-6);
                rowSum += my[i * 3 + j];
            }
            assertEquals(1.0, rowSum, 1e-6, "mixed targets stay probabilities");
        }
        assertArrayEquals(xBefore, x.toFloatArray());
        assertArrayEquals(yBefore, y.toFloatArray());
        MixedBatch again = new Mixup(0.4).apply(new Batch(x, y), new Rng(12));
        assertEquals(lambda, again.lambda());
        assertArrayEquals(mx, again.features().toFloatArray());
        assertArrayEquals(my, again.batch().targets().toFloatArray());
    }

    @Test
    void mixupLambdaFollowsBetaAlphaAlpha() {
        Mixup mixup = new Mixup(0.2);
        Batch batch = new Batch(Tensor.zeros(2, 1), Tensor.zeros(2, 2));
        Rng rng = new Rng(7);
        int n = 4000;
        double sum = 0;
        int extremes = 0;
        for (int i = 0; i < n; i++) {
            double lambda = mixup.apply(batch, rng).lambda();
            assertTrue(lambda >= 0 && lambda <= 1);
            sum += lambda;
            extremes += lambda < 0.1 || lambda > 0.9 ? 1 : 0;
        }
        // Beta(0.2, 0.2): mean 1/2, std 1 / (2 sqrt(2 * 0.2 + 1)) = 0.42; U-shaped, so most mass lies near 0 and 1
        assertEquals(0.5, sum / n, 5 * 0.42 / Math.sqrt(n));
        assertTrue(extremes > n / 2, extremes + " of " + n + " near 0 or 1");
    }

    @Test
    void mixupNeedsOneHotTargets() {
        String m = assertThrows(IllegalArgumentException.class, () -> new Mixup(1).apply(new Batch(Tensor.zeros(2, 3), Tensor.zeros(2)), new Rng(1)))
                .getMessage();
        assertTrue(m.contains("Mixup") && m.contains("[n, classes]") && m.contains("[2]"), m);
        m = assertThrows(IllegalArgumentException.class, () -> new Mixup(0)).getMessage();
        assertTrue(m.contains("alpha") && m.contains("0"), m);
        m = assertThrows(IllegalArgumentException.class, () -> Mixup.oneHot(Tensor.of(new float[] {3}, 1), 3)).getMessage();
        assertTrue(m.contains("oneHot") && m.contains("3.0") && m.contains("row 0"), m);
    }

    @Test
    void aDrawHoldsTheChoicesApplyMakesAndMixesAnyRowsWithThem() {
        Tensor x = new Rng(2).normal(0f, 1f, 6, 2, 3);
        Tensor y = Mixup.oneHot(Tensor.of(new float[] {0, 1, 2, 0, 1, 2}, 6), 3);
        MixedBatch applied = new Mixup(0.5).apply(new Batch(x, y), new Rng(9));
        MixupDraw draw = new Mixup(0.5).draw(6, new Rng(9));
        assertEquals(applied.lambda(), draw.lambda());
        assertArrayEquals(applied.partners(), draw.partners());
        assertTrue(applied.features().contentEquals(draw.mix(x)));
        // row i of the partner rows is row partners[i], for class indices [n] as for anything else
        Tensor labels = Tensor.of(new float[] {10, 11, 12, 13, 14, 15}, 6);
        float[] gathered = draw.partnerRows(labels).toFloatArray();
        for (int i = 0; i < 6; i++) {
            assertEquals(10 + draw.partners()[i], gathered[i]);
        }
        // mixing by hand, element by element, in float as the draw does
        float[] in = x.toFloatArray();
        float[] mixed = draw.mix(x).toFloatArray();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals((float) draw.lambda() * in[i * 6 + j] + (float) (1 - draw.lambda()) * in[draw.partners()[i] * 6 + j],
                        mixed[i * 6 + j]);
            }
        }
    }

    @Test
    void aDrawChecksItsPermutationAndTheRowsItMixes() {
        String m = assertThrows(IllegalArgumentException.class, () -> new MixupDraw(0.5, new int[] {0, 0})).getMessage();
        assertTrue(m.contains("permutation of 0..1") && m.contains("got 0 at position 1"), m);
        m = assertThrows(IllegalArgumentException.class, () -> new MixupDraw(1.5, new int[] {0})).getMessage();
        assertTrue(m.contains("lambda must be in [0, 1], got 1.5"), m);
        MixupDraw draw = new MixupDraw(0.5, new int[] {1, 0});
        m = assertThrows(IllegalArgumentException.class, () -> draw.mix(Tensor.zeros(3, 2))).getMessage();
        assertTrue(m.contains("batch of 2 rows") && m.contains("[3, 2]"), m);
        m = assertThrows(IllegalArgumentException.class, () -> draw.partnerRows(Tensor.zeros(3))).getMessage();
        assertTrue(m.contains("batch of 2 rows"), m);
    }
}
