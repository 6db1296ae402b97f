package dev.temper.data;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;

/**
 * The CIFAR recipe (He et al. 2016, "Deep residual learning", section 4.2; torchvision's
 * {@code RandomCrop(size, padding)}): pad each image with {@code padding} zeros on every side, then crop back to the
 * original size at a uniformly random offset {@code (top, left)} in {@code 0..2*padding}. With zero padding this
 * equals a translation by {@code (padding - left, padding - top)}, which is how it is computed (no padded copy).
 */
public record RandomCrop(ImageShape shape, int padding) implements Augmentation {
    public RandomCrop {
        if (padding < 0) {
            throw new IllegalArgumentException("RandomCrop padding must be >= 0, got " + padding);
        }
    }

    /** Per image: draws top, then left. */
    @Override
    public Tensor apply(Tensor images, Rng rng) {
        float[] in = shape.copyOf(images, "RandomCrop");
        float[] out = new float[in.length];
        for (int i = 0; i < images.dim(0); i++) {
            int top = rng.nextInt(2 * padding + 1);
            int left = rng.nextInt(2 * padding + 1);
            RandomTranslation.shiftImage(in, out, i * shape.size(), shape, padding - left, padding - top);
        }
        return Tensor.wrap(out, images.dims());
    }

    /** Every image padded by {@code padding} zeros, then cropped at {@code (top, left)} of the padded image. */
    public static Tensor crop(Tensor images, ImageShape shape, int padding, int top, int left) {
        if (top < 0 || top > 2 * padding || left < 0 || left > 2 * padding) {
            throw new IllegalArgumentException("RandomCrop.crop: top and left must be in 0.." + 2 * padding + ", got " + top + ", " + left);
        }
        return RandomTranslation.shift(images, shape, padding - left, padding - top);
    }
}
