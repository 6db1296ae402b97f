package dev.temper.data;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;

/**
 * Cutout (DeVries and Taylor 2017, "Improved regularization of convolutional neural networks with cutout"): sets
 * one {@code size x size} square of each image to 0 in every channel. As in the paper, the centre is uniform over
 * the whole image and the square is clipped at the border, so near the edges fewer pixels are cut.
 */
public record Cutout(ImageShape shape, int size) implements Augmentation {
    public Cutout {
        if (size < 1) {
            throw new IllegalArgumentException("Cutout size must be >= 1, got " + size);
        }
    }

    /** Per image: draws the centre row, then the centre column. */
    @Override
    public Tensor apply(Tensor images, Rng rng) {
        float[] out = shape.copyOf(images, "Cutout");
        for (int i = 0; i < images.dim(0); i++) {
            int centreY = rng.nextInt(shape.height());
            int centreX = rng.nextInt(shape.width());
            cutImage(out, i * shape.size(), centreY - size / 2, centreX - size / 2);
        }
        return Tensor.wrap(out, images.dims());
    }

    /** Every image with the square whose top-left corner is (top, left) set to 0 (clipped at the border). */
    public Tensor cut(Tensor images, int top, int left) {
        float[] out = shape.copyOf(images, "Cutout.cut");
        for (int i = 0; i < images.dim(0); i++) {
            cutImage(out, i * shape.size(), top, left);
        }
        return Tensor.wrap(out, images.dims());
    }

    private void cutImage(float[] out, int base, int top, int left) {
        int h = shape.height();
        int w = shape.width();
        int x0 = Math.max(0, left);
        int x1 = Math.min(w, left + size);
        for (int c = 0; c < shape.channels(); c++) {
            for (int y = Math.max(0, top); y < Math.min(h, top + size); y++) {
                int row = base + (c * h + y) * w;
                for (int x = x0; x < x1; x++) {
                    out[row + x] = 0f;
                }
            }
        }
    }
}
