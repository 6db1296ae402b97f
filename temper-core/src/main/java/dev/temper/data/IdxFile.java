package dev.temper.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The contents of one IDX file of unsigned bytes (element type {@code 0x08}), the format MNIST and
 * Fashion-MNIST are distributed in.
 *
 * <p>{@code dimensions[0]} counts the items (images or labels); the remaining dimensions give the shape of one
 * item, e.g. {@code 8000x28x28} for 8000 grey images of 28 by 28 pixels, or {@code 8000} for 8000 labels. The
 * data is stored row-major, as in the file, one byte per element; Java bytes are signed, so read values with
 * {@link #unsigned(int)}.
 *
 * <p>The arrays are copied in and out, so an {@code IdxFile} cannot be changed after construction; call
 * {@link #data()} once and keep the copy rather than calling it in a loop.
 *
 * @param dimensions the sizes, outermost first; at least one, none negative
 * @param data the elements, exactly the product of {@code dimensions} bytes
 */
public record IdxFile(int[] dimensions, byte[] data) {

    public IdxFile {
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(data, "data");
        // Copy before checking, so the caller cannot change what was checked.
        dimensions = dimensions.clone();
        data = data.clone();
        if (dimensions.length == 0) {
            throw new IllegalArgumentException("dimensions must not be empty");
        }
        for (int i = 0; i < dimensions.length; i++) {
            if (dimensions[i] < 0) {
                throw new IllegalArgumentException("dimensions[" + i + "] must be >= 0, got " + dimensions[i]
                        + " in " + dimensionsText(dimensions));
            }
        }
        // Checked on its own because a count of 0 would hide an item size that overflows itemSize().
        long itemSize = saturatedProduct(dimensions, 1);
        if (itemSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("dimensions " + dimensionsText(dimensions)
                    + " give items of more than " + Integer.MAX_VALUE + " elements");
        }
        long elementCount = saturatedProduct(dimensions, 0);
        if (elementCount != data.length) {
            throw new IllegalArgumentException("dimensions " + dimensionsText(dimensions) + " need "
                    + (elementCount > Integer.MAX_VALUE ? "more than " + Integer.MAX_VALUE : elementCount)
                    + " bytes of data, got " + data.length);
        }
    }

    /** A copy of the sizes, outermost first. */
    @Override
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** A copy of the elements as stored: unsigned values in signed Java bytes (mask with {@code 0xFF}). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The number of dimensions, 1 for labels, 3 for a stack of images. */
    public int dimensionCount() {
        return dimensions.length;
    }

    public int dimension(int index) {
        if (index < 0 || index >= dimensions.length) {
            throw new IndexOutOfBoundsException(
                    "dimension index " + index + " is outside 0.." + (dimensions.length - 1) + " for " + this);
        }
        return dimensions[index];
    }

    /** The number of items: {@code dimensions[0]}. */
    public int count() {
        return dimensions[0];
    }

    /** The number of elements in one item: the product of all dimensions but the first, 1 for labels. */
    public int itemSize() {
        // Fits in an int: the constructor checked it.
        return (int) saturatedProduct(dimensions, 1);
    }

    /** The element at a flat row-major index, as 0..255. */
    public int unsigned(int index) {
        return data[index] & 0xFF;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdxFile that
                && Arrays.equals(dimensions, that.dimensions)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dimensions) + Arrays.hashCode(data);
    }

    /** The shape only: printing megabytes of pixels helps nobody. */
    @Override
    public String toString() {
        return "IdxFile[" + dimensionsText(dimensions) + " uint8]";
    }

    /** The product of {@code dimensions[from..]}, held at {@code Integer.MAX_VALUE + 1} once it passes that. */
    private static long saturatedProduct(int[] dimensions, int from) {
        long product = 1;
        for (int i = from; i < dimensions.length; i++) {
            product = Math.min(product * dimensions[i], Integer.MAX_VALUE + 1L);
        }
        return product;
    }

    /** Sizes as people write them: {@code 8000x28x28}. */
    static String dimensionsText(int[] dimensions) {
        StringJoiner joined = new StringJoiner("x");
        for (int size : dimensions) {
            joined.add(Integer.toString(size));
        }
        return joined.toString();
    }
}
