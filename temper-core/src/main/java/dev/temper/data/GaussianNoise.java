package dev.temper.data;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;

/**
 * Adds independent normal noise of standard deviation {@code std} to every value (Keras's {@code GaussianNoise}
 * layer, applied here to the data instead). Values are not clipped back to [0, 1]: clipping would bias the mean of
 * dark pixels upward.
 */
public record GaussianNoise(double std) implements Augmentation {
    public GaussianNoise {
        if (!(std >= 0 && Double.isFinite(std))) {
            throw new IllegalArgumentException("GaussianNoise std must be finite and >= 0, got " + std);
        }
    }

    /** Draws one normal per value, in row-major order. Works on any FLOAT32 features {@code [n, ...]}. */
    @Override
    public Tensor apply(Tensor images, Rng rng) {
        if (images.dtype() != dev.temper.tensor.DType.FLOAT32) {
            throw new IllegalArgumentException("GaussianNoise: images must be FLOAT32, got " + images.dtype());
        }
        float[] out = images.toFloatArray();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (std * rng.nextGaussian());
        }
        return Tensor.wrap(out, images.dims());
    }
}
