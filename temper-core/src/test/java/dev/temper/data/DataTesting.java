package dev.temper.data;

import dev.temper.tensor.Tensor;

/** Small datasets for the data tests. */
final class DataTesting {
    private DataTesting() {}

    /** n examples whose single feature is the row index and whose class is given per row. */
    static Dataset labelled(int... classes) {
        int n = classes.length;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = classes[i];
        }
        return new Dataset(Tensor.wrap(x, n, 1), Tensor.wrap(y, n));
    }

    /** Classes 0..classCount-1 with the given counts, interleaved in a fixed order. */
    static Dataset withClassCounts(int... counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        int[] classes = new int[n];
        int[] left = counts.clone();
        int i = 0;
        while (i < n) {
            for (int c = 0; c < counts.length; c++) {
                if (left[c] > 0) {
                    classes[i++] = c;
                    left[c]--;
                }
            }
        }
        return labelled(classes);
    }

    static int[] rowIds(Dataset d) {
        float[] x = d.features().toFloatArray();
        int[] ids = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            ids[i] = (int) x[i];
        }
        return ids;
    }

    static int[] classCounts(Dataset d, int classCount) {
        int[] counts = new int[classCount];
        for (float v : d.targets().toFloatArray()) {
            counts[(int) v]++;
        }
        return counts;
    }
}
