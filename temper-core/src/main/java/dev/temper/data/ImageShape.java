package dev.temper.data;

import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;

/**
 * How each row of an image batch is laid out: augmentations take features {@code [n, channels * height * width]},
 * each row an image flattened channel-major then row-major (CHW, as the MNIST datasets here are with one channel),
 * because that is the layout {@link Dataset} and {@link Batch} already carry.
 */
public record ImageShape(int channels, int height, int width) {
    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("ImageShape channels, height and width must be >= 1, got " + channels + ", " + height + ", " + width);
        }
    }

    /** One channel (greyscale, e.g. MNIST: {@code grey(28, 28)}). */
    public static ImageShape grey(int height, int width) {
        return new ImageShape(1, height, width);
    }

    /** Values per image: channels * height * width. */
    public int size() {
        return channels * height * width;
    }

    /**
     * The images' values as a fresh row-major float array after checking the batch matches this shape.
     *
     * @param what the augmentation, for the error message
     */
    float[] copyOf(Tensor images, String what) {
        if (images.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(what + ": images must be FLOAT32, got " + images.dtype());
        }
        if (images.rank() != 2 || images.dim(1) != size()) {
            throw new IllegalArgumentException(what + ": images must have shape [n, " + size() + "] for " + this + ", got " + images.shape());
        }
        return images.toFloatArray();
    }
}
