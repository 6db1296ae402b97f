package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KFoldTest {
    private static void assertPartition(List<Fold> folds, int n) {
        int[] validatedTimes = new int[n];
        for (Fold f : folds) {
            for (int r : f.validationRows()) {
                validatedTimes[r]++;
            }
            int[] union = IntStream.concat(Arrays.stream(f.trainRows()), Arrays.stream(f.validationRows())).sorted().toArray();
            assertArrayEquals(IntStream.range(0, n).toArray(), union, "fold " + f.index() + " train and validation cover every row once");
        }
        for (int i = 0; i < n; i++) {
            assertEquals(1, validatedTimes[i], "row " + i + " validated exactly once");
        }
    }

    @Test
    void plainFoldsPartitionTheRowsWithSizesWithinOne() {
        Dataset data = DataTesting.withClassCounts(23);
        List<Fold> folds = KFold.plain(5).split(data, new Rng(4));
        assertEquals(5, folds.size());
        assertPartition(folds, 23);
        for (Fold f : folds) {
            int size = f.validationRows().length;
            assertTrue(size == 4 || size == 5, "fold size " + size);
            assertEquals(f.validationRows().length, f.validation(data).size());
            assertArrayEquals(f.trainRows(), DataTesting.rowIds(f.train(data)));
        }
    }

    @Test
    void stratifiedFoldsBalanceEveryClassWithinOneExample() {
        int[] counts = {37, 12, 5, 21};
        Dataset data = DataTesting.withClassCounts(counts);
        int n = Arrays.stream(counts).sum();
        List<Fold> folds = KFold.stratified(4).split(data, new Rng(11));
        assertPartition(folds, n);
        int minSize = Integer.MAX_VALUE;
        int maxSize = 0;
        for (int c = 0; c < counts.length; c++) {
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (Fold f : folds) {
                int inFold = DataTesting.classCounts(f.validation(data), counts.length)[c];
                min = Math.min(min, inFold);
                max = Math.max(max, inFold);
            }
            assertTrue(max - min <= 1, "class " + c + " per-fold counts between " + min + " and " + max);
        }
        for (Fold f : folds) {
            minSize = Math.min(minSize, f.validationRows().length);
            maxSize = Math.max(maxSize, f.validationRows().length);
        }
        assertTrue(maxSize - minSize <= 1, "fold sizes between " + minSize + " and " + maxSize);
    }

    @Test
    void sameSeedSameFolds() {
        Dataset data = DataTesting.withClassCounts(10, 10, 10);
        for (KFold kfold : List.of(KFold.plain(3), KFold.stratified(3))) {
            assertEquals(kfold.split(data, new Rng(5)), kfold.split(data, new Rng(5)));
            assertTrue(!kfold.split(data, new Rng(5)).equals(kfold.split(data, new Rng(6))));
        }
    }

    @Test
    void rejectsTooFewFoldsOrExamples() {
        String m = assertThrows(IllegalArgumentException.class, () -> KFold.plain(1)).getMessage();
        assertTrue(m.contains("k") && m.contains("1"), m);
        m = assertThrows(IllegalArgumentException.class, () -> KFold.plain(5).split(DataTesting.labelled(0, 1, 0), new Rng(1))).getMessage();
        assertTrue(m.contains("k=5") && m.contains("3"), m);
    }
}
