package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdxFileTest {

    @Test
    void copiesArraysInAndOutSoItCannotBeChanged() {
        int[] dimensions = {2, 3};
        byte[] data = IdxBytes.counting(6);
        IdxFile file = new IdxFile(dimensions, data);

        dimensions[0] = 99;
        data[0] = 99;
        file.dimensions()[1] = 99;
        file.data()[1] = 99;

        assertArrayEquals(new int[] {2, 3}, file.dimensions());
        assertArrayEquals(IdxBytes.counting(6), file.data());
    }

    @Test
    void describesItsShape() {
        IdxFile images = new IdxFile(new int[] {4, 2, 3}, new byte[24]);
        assertEquals(3, images.dimensionCount());
        assertEquals(4, images.count());
        assertEquals(2, images.dimension(1));
        assertEquals(6, images.itemSize());
        assertEquals("IdxFile[4x2x3 uint8]", images.toString());

        IdxFile labels = new IdxFile(new int[] {5}, new byte[5]);
        assertEquals(1, labels.itemSize());
    }

    @Test
    void readsBytesAsUnsigned() {
        IdxFile file = new IdxFile(new int[] {3}, new byte[] {0, (byte) 128, (byte) 255});
        assertEquals(0, file.unsigned(0));
        assertEquals(128, file.unsigned(1));
        assertEquals(255, file.unsigned(2));
    }

    @Test
    void equalsComparesContentsNotArrayIdentity() {
        IdxFile a = new IdxFile(new int[] {2, 2}, IdxBytes.counting(4));
        IdxFile b = new IdxFile(new int[] {2, 2}, IdxBytes.counting(4));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new IdxFile(new int[] {4, 1}, IdxBytes.counting(4)));
        assertNotEquals(a, new IdxFile(new int[] {2, 2}, new byte[4]));
    }

    @Test
    void rejectsDataOfTheWrongLength() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new IdxFile(new int[] {2, 3}, new byte[5]));
        assertEquals("dimensions 2x3 need 6 bytes of data, got 5", error.getMessage());
    }

    @Test
    void rejectsNegativeAndMissingDimensions() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new IdxFile(new int[] {2, -3}, new byte[0]));
        assertTrue(negative.getMessage().contains("dimensions[1] must be >= 0, got -3"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new IdxFile(new int[0], new byte[0]));
    }

    @Test
    void rejectsItemsTooLargeForAnArrayEvenWhenTheCountIsZero() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new IdxFile(new int[] {0, 65536, 65536}, new byte[0]));
        assertTrue(error.getMessage().contains("items of more than"), error.getMessage());
    }

    @Test
    void namesTheShapeWhenADimensionIndexIsOutOfRange() {
        IdxFile labels = new IdxFile(new int[] {5}, new byte[5]);
        IndexOutOfBoundsException error = assertThrows(IndexOutOfBoundsException.class, () -> labels.dimension(1));
        assertEquals("dimension index 1 is outside 0..0 for IdxFile[5 uint8]", error.getMessage());
    }
}
