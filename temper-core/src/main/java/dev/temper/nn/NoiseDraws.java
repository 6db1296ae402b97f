package dev.temper.nn;

import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;

/**
 * The draws the dropout family shares: Bernoulli keep masks and normal noise, in the input's type. A float64
 * tensor (gradient checks) holds exactly the draws a float32 one would, so both types see the same masks.
 */
final class NoiseDraws {
    private NoiseDraws() {}

    /** Validates a probability of dropping: in [0, 1), else an exception naming the layer and the value. */
    static double checkRate(String layer, double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(layer + ": rate (probability of dropping) must be in [0, 1), got " + rate);
        }
        return rate;
    }

    /** 0 with probability {@code rate}, else {@code keepValue}; one {@link Rng#dropoutMask} draw per element. */
    static Tensor keepMask(DType dtype, int[] shape, double rate, double keepValue, Rng rng) {
        Tensor m = Tensor.zeros(dtype, shape);
        if (dtype == DType.FLOAT32) {
            rng.dropoutMask(m.floatData(), 0, m.size(), rate, (float) keepValue);
            return m;
        }
        float[] f = new float[m.size()];
        rng.dropoutMask(f, 0, f.length, rate, 1f);
        double[] d = m.doubleData();
        for (int i = 0; i < d.length; i++) {
            d[i] = f[i] == 0f ? 0.0 : keepValue;
        }
        return m;
    }

    /** {@code mean + std * N(0, 1)} per element, drawn in float64 and stored in {@code dtype}. */
    static Tensor normal(DType dtype, int[] shape, double mean, double std, Rng rng) {
        Tensor t = Tensor.zeros(dtype, shape);
        if (dtype == DType.FLOAT32) {
            float[] d = t.floatData();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) (mean + std * rng.nextGaussian());
            }
        } else {
            double[] d = t.doubleData();
            for (int i = 0; i < d.length; i++) {
                d[i] = mean + std * rng.nextGaussian();
            }
        }
        return t;
    }
}
