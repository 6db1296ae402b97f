package dev.temper.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.temper.autograd.Parameter;
import dev.temper.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightSummaryTest {

    private static Map<String, Parameter> parameters() {
        Map<String, Parameter> p = new LinkedHashMap<>();
        p.put("dense_1.kernel", new Parameter("kernel", Tensor.wrap(new float[] {0f, -0f, 0.0004f, -0.25f, 2.5f, 0.15f}, 2, 3)));
        p.put("dense_1.bias", new Parameter("bias", Tensor.wrap(new float[] {0f, 0f, 7f}, 3))); // rank 1: not a weight
        return p;
    }

    private static double sq(float w) {
        return (double) w * w;
    }

    @Test
    void countsNormAndZerosOfTheWeightMatricesOnly() {
        WeightSummary w = WeightSummary.of(parameters());
        assertEquals(6, w.count());
        assertEquals(2, w.zeros(), "0.0 and -0.0 are zero; 0.0004 is not");
        double squares = sq(0.0004f) + sq(-0.25f) + sq(2.5f) + sq(0.15f);
        assertEquals(Math.sqrt(squares), w.l2Norm(), 1e-12);
        assertEquals(-0.25f, w.min(), 0);
        assertEquals(2.5f, w.max(), 0);
        assertEquals(2.0 / 6, w.zeroFraction(), 1e-15);
    }

    @Test
    void theMiddleBinIsCentredOnZeroAndTheEndBinsCatchTheRest() {
        long[] h = WeightSummary.of(parameters()).histogram();
        assertEquals(3, h[WeightSummary.BINS / 2], "0, -0 and 0.0004 (< half a bin) are in the middle bin");
        assertEquals(1, h[WeightSummary.BINS / 2 - 250], "-0.25 is 250 bins left of zero");
        assertEquals(1, h[WeightSummary.BINS / 2 + 150]);
        assertEquals(1, h[WeightSummary.BINS - 1], "2.5 is beyond the range: counted in the last bin");
        assertEquals(0.0, WeightSummary.binCenter(WeightSummary.BINS / 2));
        assertEquals(-WeightSummary.LIMIT, WeightSummary.binCenter(0), 1e-12);
    }

    @Test
    void rebinningKeepsEveryCountAndQuantilesGrowWithTheFraction() {
        WeightSummary w = WeightSummary.of(parameters());
        double[] coarse = w.rebinned(0.5, 5); // bins of 0.2: [-0.5,-0.3) [-0.3,-0.1) [-0.1,0.1) [0.1,0.3) [0.3,0.5]
        assertArrayEquals(new double[] {0, 1, 3, 1, 1}, coarse);
        assertEquals(0.0, w.absoluteQuantile(0.5), "half the weights are within half a bin of zero");
        assertEquals(0.15, w.absoluteQuantile(4.0 / 6), 1e-12);
        assertEquals(0.25, w.absoluteQuantile(5.0 / 6), 1e-12);
        assertEquals(WeightSummary.LIMIT, w.absoluteQuantile(1.0), 1e-12);
    }

    @Test
    void pooledSummariesAddUp() {
        WeightSummary w = WeightSummary.of(parameters());
        WeightSummary two = WeightSummary.pooled(List.of(w, w));
        assertEquals(12, two.count());
        assertEquals(4, two.zeros());
        assertEquals(Math.sqrt(2) * w.l2Norm(), two.l2Norm(), 1e-12);
        assertEquals(6, two.histogram()[WeightSummary.BINS / 2]);
    }
}
