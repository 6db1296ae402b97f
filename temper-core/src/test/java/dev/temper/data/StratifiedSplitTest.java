package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
    @Test
    void keepsEachClassShareAndPartitionsTheRows() {
        Dataset data = DataTesting.withClassCounts(50, 30, 20);
        Dataset[] parts = data.stratifiedSplit(0.2, new Rng(1));
        // round(0.2 * count) per class goes to the second part
        assertArrayEquals(new int[] {10, 6, 4}, DataTesting.classCounts(parts[1], 3));
        assertArrayEquals(new int[] {40, 24, 16}, DataTesting.classCounts(parts[0], 3));
        int[] all = IntStream.concat(Arrays.stream(DataTesting.rowIds(parts[0])), Arrays.stream(DataTesting.rowIds(parts[1])))
                .sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all);
        // rows keep dataset order and carry their own target
        int[] second = DataTesting.rowIds(parts[1]);
        for (int i = 1; i < second.length; i++) {
            assertTrue(second[i - 1] < second[i]);
        }
        for (int i = 0; i < second.length; i++) {
            assertEquals(data.targets().getFlat(second[i]), parts[1].targets().getFlat(i));
        }
    }

    @Test
    void sameSeedSameSplitAndOtherSeedOtherSplit() {
        Dataset data = DataTesting.withClassCounts(40, 40);
        int[] a = DataTesting.rowIds(data.stratifiedSplit(0.25, new Rng(7))[1]);
        int[] b = DataTesting.rowIds(data.stratifiedSplit(0.25, new Rng(7))[1]);
        int[] c = DataTesting.rowIds(data.stratifiedSplit(0.25, new Rng(8))[1]);
        assertArrayEquals(a, b);
        assertTrue(!Arrays.equals(a, c));
    }

    @Test
    void handlesClassesWithNoExamplesAndZeroFraction() {
        Dataset data = DataTesting.labelled(0, 2, 2, 0, 2, 0);
        Dataset[] parts = data.stratifiedSplit(0.0, new Rng(3));
        assertEquals(6, parts[0].size());
        assertEquals(0, parts[1].size());
    }

    @Test
    void rejectsBadFractionAndNonClassTargets() {
        Dataset data = DataTesting.labelled(0, 1, 0, 1);
        String m = assertThrows(IllegalArgumentException.class, () -> data.stratifiedSplit(1.0, new Rng(1))).getMessage();
        assertTrue(m.contains("fraction") && m.contains("1.0"), m);
        Dataset soft = new Dataset(Tensor.zeros(2, 1), Tensor.of(new float[] {0.5f, 1f}, 2));
        m = assertThrows(IllegalArgumentException.class, () -> soft.stratifiedSplit(0.5, new Rng(1))).getMessage();
        assertTrue(m.contains("stratifiedSplit") && m.contains("0.5") && m.contains("row 0"), m);
    }
}
