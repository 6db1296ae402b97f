package dev.temper.nn;

import dev.temper.tensor.Tensor;

/** The implementations behind {@link Initializer}'s distribution-based factories, with their argument checks. */
final class RandomInitializers {
    /** Keras's {@code TruncatedNormal}: draws beyond this many standard deviations are re-drawn. */
    static final double TRUNCATION_STDS = 2.0;

    private RandomInitializers() {}

    static Initializer constant(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Initializer.constant: value must be finite, got " + value);
        }
        return (shape, fanIn, fanOut, rng) -> Tensor.full((float) value, shape);
    }

    static Initializer uniform(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw new IllegalArgumentException("Initializer.uniform: need finite low < high, got low " + low + ", high " + high);
        }
        return (shape, fanIn, fanOut, rng) -> rng.uniform((float) low, (float) high, shape);
    }

    static Initializer normal(double mean, double std) {
        checkMeanAndStd("normal", mean, std);
        return (shape, fanIn, fanOut, rng) -> rng.normal((float) mean, (float) std, shape);
    }

    static Initializer truncatedNormal(double mean, double std) {
        checkMeanAndStd("truncatedNormal", mean, std);
        return (shape, fanIn, fanOut, rng) -> {
            Tensor t = Tensor.zeros(shape);
            float[] d = t.floatData();
            for (int i = 0; i < d.length; i++) {
                double z;
                do {
                    z = rng.nextGaussian(); // accepted with probability 0.954: on average 1.05 draws per value
                } while (Math.abs(z) > TRUNCATION_STDS);
                d[i] = (float) (mean + std * z);
            }
            return t;
        };
    }

    /**
     * Zero-mean draws of variance {@code 2 scale / (fanIn + fanOut)} when {@code averageFans} (Glorot: scale 1),
     * else {@code scale / fanIn} (He: 2, LeCun: 1); normal with that variance, or uniform on
     * {@code +-sqrt(3 variance)}. Written as {@code numerator / denominator} so that Glorot-uniform's limit is
     * computed as {@code sqrt(6 / (fanIn + fanOut))}, bit for bit as before this family existed.
     */
    static Initializer varianceScaling(String name, double scale, boolean averageFans, boolean normal) {
        return (shape, fanIn, fanOut, rng) -> {
            if (fanIn < 1 || (averageFans && fanOut < 1)) {
                throw new IllegalArgumentException("Initializer." + name + ": fanIn" + (averageFans ? " and fanOut" : "")
                        + " must be >= 1, got fanIn " + fanIn + ", fanOut " + fanOut);
            }
            double numerator = averageFans ? 2 * scale : scale;
            double denominator = averageFans ? fanIn + (double) fanOut : fanIn;
            if (normal) {
                return rng.normal(0f, (float) Math.sqrt(numerator / denominator), shape);
            }
            float limit = (float) Math.sqrt(3 * numerator / denominator);
            return rng.uniform(-limit, limit, shape);
        };
    }

    private static void checkMeanAndStd(String name, double mean, double std) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("Initializer." + name + ": mean must be finite, got " + mean);
        }
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("Initializer." + name + ": std must be finite and > 0, got " + std);
        }
    }
}
