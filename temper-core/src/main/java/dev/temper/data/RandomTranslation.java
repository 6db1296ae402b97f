package dev.temper.data;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;

/**
 * Shifts each image by whole pixels, {@code dx} and {@code dy} drawn independently and uniformly from
 * {@code -maxShift..maxShift} per image, filling uncovered pixels with 0 (Keras's {@code RandomTranslation} with
 * {@code fill_mode="constant"}, restricted to integer shifts so no interpolation blurs the digits).
 */
public record RandomTranslation(ImageShape shape, int maxShift) implements Augmentation {
    public RandomTranslation {
        if (maxShift < 0) {
            throw new IllegalArgumentException("RandomTranslation maxShift must be >= 0, got " + maxShift);
        }
    }

    /** Per image: draws dx, then dy. */
    @Override
    public Tensor apply(Tensor images, Rng rng) {
        float[] in = shape.copyOf(images, "RandomTranslation");
        float[] out = new float[in.length];
        int n = images.dim(0);
        for (int i = 0; i < n; i++) {
            int dx = rng.nextInt(2 * maxShift + 1) - maxShift;
            int dy = rng.nextInt(2 * maxShift + 1) - maxShift;
            shiftImage(in, out, i * shape.size(), shape, dx, dy);
        }
        return Tensor.wrap(out, images.dims());
    }

    /** Every image moved right by {@code dx} and down by {@code dy} (negative: left/up): out(y, x) = in(y - dy, x - dx). */
    public static Tensor shift(Tensor images, ImageShape shape, int dx, int dy) {
        float[] in = shape.copyOf(images, "RandomTranslation.shift");
        float[] out = new float[in.length];
        for (int i = 0; i < images.dim(0); i++) {
            shiftImage(in, out, i * shape.size(), shape, dx, dy);
        }
        return Tensor.wrap(out, images.dims());
    }

    /** Writes the shifted image at {@code base}; {@code out} must be zero there (uncovered pixels stay 0). */
    static void shiftImage(float[] in, float[] out, int base, ImageShape shape, int dx, int dy) {
        int h = shape.height();
        int w = shape.width();
        int x0 = Math.max(0, dx);
        int x1 = Math.min(w, w + dx);
        if (x0 >= x1) {
            return;
        }
        for (int c = 0; c < shape.channels(); c++) {
            int plane = base + c * h * w;
            for (int y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
                System.arraycopy(in, plane + (y - dy) * w + (x0 - dx), out, plane + y * w + x0, x1 - x0);
            }
        }
    }
}
