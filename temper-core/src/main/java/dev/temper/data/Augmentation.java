package dev.temper.data;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;

/**
 * A random transformation of a batch of images {@code [n, channels * height * width]} (see {@link ImageShape}):
 * returns a new tensor and never modifies its input; every random choice is drawn from {@code rng}, so the same
 * generator state gives the same output bits.
 */
@FunctionalInterface
public interface Augmentation {
    Tensor apply(Tensor images, Rng rng);

    /** This augmentation followed by {@code next}. */
    default Augmentation then(Augmentation next) {
        return Pipeline.of(this, next);
    }
}
