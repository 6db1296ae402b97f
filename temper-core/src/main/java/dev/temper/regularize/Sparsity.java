package dev.temper.regularize;

import dev.temper.autograd.Selector;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;
import java.util.Map;

/** How sparse a model is: the fraction of selected weights that are exactly zero (what {@link ProximalL1} produces). */
public final class Sparsity {
    private Sparsity() {}

    /** Exactly-zero entries over all entries of the parameters {@code selector} picks; NaN if it picks none. */
    public static double fractionZero(Map<String, ? extends Variable> parameters, Selector selector) {
        long zeros = 0;
        long total = 0;
        for (Map.Entry<String, ? extends Variable> e : parameters.entrySet()) {
            Tensor w = e.getValue().value();
            if (selector.matches(e.getKey(), w)) {
                double[] values = w.toDoubleArray();
                for (double v : values) {
                    if (v == 0.0) {
                        zeros++;
                    }
                }
                total += values.length;
            }
        }
        return total == 0 ? Double.NaN : (double) zeros / total;
    }
}
