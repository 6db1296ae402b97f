package dev.temper.data;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;

/**
 * Mirrors each image left-right with the given probability (torchvision's {@code RandomHorizontalFlip(p)}, default
 * p = 0.5 there). Not part of any digit recipe here: a mirrored 2, 3, 4, 5, 7 or 9 is not that digit, so for MNIST
 * leave it out (it is for natural images such as CIFAR).
 */
public record RandomHorizontalFlip(ImageShape shape, double probability) implements Augmentation {
    public RandomHorizontalFlip {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("RandomHorizontalFlip probability must be in [0, 1], got " + probability);
        }
    }

    /** Per image: one uniform draw; flipped when it is below the probability. */
    @Override
    public Tensor apply(Tensor images, Rng rng) {
        float[] in = shape.copyOf(images, "RandomHorizontalFlip");
        float[] out = in.clone();
        for (int i = 0; i < images.dim(0); i++) {
            if (rng.nextDouble() < probability) {
                flipImage(in, out, i * shape.size(), shape);
            }
        }
        return Tensor.wrap(out, images.dims());
    }

    /** Every image mirrored left-right: out(y, x) = in(y, width - 1 - x). */
    public static Tensor flip(Tensor images, ImageShape shape) {
        float[] in = shape.copyOf(images, "RandomHorizontalFlip.flip");
        float[] out = new float[in.length];
        for (int i = 0; i < images.dim(0); i++) {
            flipImage(in, out, i * shape.size(), shape);
        }
        return Tensor.wrap(out, images.dims());
    }

    private static void flipImage(float[] in, float[] out, int base, ImageShape shape) {
        int w = shape.width();
        for (int row = 0; row < shape.channels() * shape.height(); row++) {
            int start = base + row * w;
            for (int x = 0; x < w; x++) {
                out[start + x] = in[start + w - 1 - x];
            }
        }
    }
}
