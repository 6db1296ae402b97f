package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageLabelCheckTest {

    private static final IdxFile IMAGES = new IdxFile(new int[] {3, 2, 2}, new byte[12]);

    private static IdxFile labels(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return new IdxFile(new int[] {values.length}, data);
    }

    @Test
    void acceptsOneValidLabelPerImage() {
        assertDoesNotThrow(() -> ImageLabelCheck.check(IMAGES, labels(0, 9, 4), 10, "digits"));
    }

    @Test
    void namesBothCountsWhenTheyDiffer() {
        DataFormatException error = assertThrows(DataFormatException.class,
                () -> ImageLabelCheck.check(IMAGES, labels(0, 1), 10, "mnist10k train"));
        assertEquals("mnist10k train: 3 images but 2 labels; the two files do not belong together", error.getMessage());
    }

    @Test
    void namesALabelOutsideTheClasses() {
        DataFormatException error = assertThrows(DataFormatException.class,
                () -> ImageLabelCheck.check(IMAGES, labels(0, 1, 200), 10, "digits"));
        assertEquals("digits: label 200 at index 2 is outside 0..9", error.getMessage());
    }

    @Test
    void rejectsLabelsWithMoreThanOneDimension() {
        IdxFile twoDimensional = new IdxFile(new int[] {3, 1}, new byte[3]);
        DataFormatException error = assertThrows(DataFormatException.class,
                () -> ImageLabelCheck.check(IMAGES, twoDimensional, 10, "digits"));
        assertEquals("digits: labels must have one dimension, got 3x1", error.getMessage());
    }

    @Test
    void rejectsAClassCountBelowOne() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ImageLabelCheck.check(IMAGES, labels(0, 0, 0), 0, "digits"));
        assertEquals("classCount must be >= 1, got 0", error.getMessage());
    }
}
