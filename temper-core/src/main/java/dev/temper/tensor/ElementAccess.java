package dev.temper.tensor;

/**
 * Element access as doubles for kernels that are written once for both dtypes (normalization statistics, whose
 * sums run in double anyway). There are exactly two implementations of each interface (float32, float64), so a
 * loop's call site stays bimorphic and HotSpot inlines it.
 */
final class ElementAccess {
    private ElementAccess() {}

    interface Reader {
        double get(int i);
    }

    interface Writer {
        void set(int i, double v);
    }

    /** Reads a contiguous tensor from its first element (index 0 = the tensor's offset). */
    static Reader reader(Tensor t) {
        int o = t.offset();
        if (t.dtype() == DType.FLOAT32) {
            float[] a = t.floatData();
            return i -> a[o + i];
        }
        double[] a = t.doubleData();
        return i -> a[o + i];
    }

    /** Writes a contiguous tensor from its first element. */
    static Writer writer(Tensor t) {
        int o = t.offset();
        if (t.dtype() == DType.FLOAT32) {
            float[] a = t.floatData();
            return (i, v) -> a[o + i] = (float) v;
        }
        double[] a = t.doubleData();
        return (i, v) -> a[o + i] = v;
    }
}
