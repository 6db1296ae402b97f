package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {

    /** {@code [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]}: element (r, c) holds {@code 4r + c}. */
    private static Tensor counting3x4() {
        return Tensor.arange(12).reshape(3, 4);
    }

    // ---- creation -------------------------------------------------------------------------------------------

    @Test
    void zerosOnesAndFullFillEveryElementOfTheRequestedShape() {
        Tensor z = Tensor.zeros(2, 3);
        Tensor o = Tensor.ones(DType.FLOAT64, 4);
        Tensor f = Tensor.full(2.5f, 3, 1, 2);

        assertArrayEquals(new int[] {2, 3}, z.dims());
        assertEquals(DType.FLOAT32, z.dtype());
        assertArrayEquals(new float[6], z.toFloatArray());
        assertEquals(DType.FLOAT64, o.dtype());
        assertArrayEquals(new double[] {1, 1, 1, 1}, o.toDoubleArray());
        assertArrayEquals(new int[] {3, 1, 2}, f.dims());
        assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f, 2.5f, 2.5f, 2.5f}, f.toFloatArray());
        assertTrue(z.isContiguous() && o.isContiguous() && f.isContiguous());
    }

    @Test
    void ofCopiesTheArraySoLaterWritesDoNotShow() {
        float[] data = {1, 2, 3, 4};
        Tensor t = Tensor.of(data, 2, 2);
        data[0] = 99;
        assertEquals(1.0, t.get(0, 0));

        double[] doubles = {1, 2};
        Tensor d = Tensor.of(doubles, 2);
        doubles[1] = 99;
        assertEquals(2.0, d.get(1));
        assertEquals(DType.FLOAT64, d.dtype());
    }

    @Test
    void wrapSharesTheArraySoWritesShowBothWays() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Tensor t = Tensor.wrap(data, 2, 3);
        data[4] = 50;
        assertEquals(50.0, t.get(1, 1));
        t.set(-7, 0, 2);
        assertEquals(-7f, data[2]);
        assertSame(data, t.floatData());
    }

    @Test
    void ofRowsBuildsARowMajorMatrixAndRejectsRaggedRows() {
        Tensor m = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {2, 3}, m.dims());
        assertEquals(6.0, m.get(1, 2));
        assertEquals(2.0, m.get(0, 1));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new float[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void scalarHasRankZeroAndOneElement() {
        Tensor s = Tensor.scalar(3.5f);
        assertEquals(0, s.rank());
        assertEquals(1, s.size());
        assertEquals(3.5, s.item());
        assertEquals(3.5, s.get());

        Tensor d = Tensor.scalar(DType.FLOAT64, 0.1);
        assertEquals(DType.FLOAT64, d.dtype());
        assertEquals(0.1, d.item()); // exactly: no float32 rounding on the way
    }

    @Test
    void arangeCountsUpDownAndCanBeEmpty() {
        assertArrayEquals(new float[] {0, 1, 2, 3, 4}, Tensor.arange(5).toFloatArray());
        assertArrayEquals(new double[] {1, 1.5, 2, 2.5}, Tensor.arange(DType.FLOAT64, 1, 3, 0.5).toDoubleArray());
        assertArrayEquals(new double[] {5, 3, 1}, Tensor.arange(DType.FLOAT64, 5, 0, -2).toDoubleArray());

        Tensor empty = Tensor.arange(DType.FLOAT32, 3, 3, 1);
        assertArrayEquals(new int[] {0}, empty.dims());
        assertEquals(0, Tensor.arange(DType.FLOAT32, 5, 0, 1).size()); // wrong direction: empty, not an error
        assertEquals(0, Tensor.arange(0).size());
        assertThrows(IllegalArgumentException.class, () -> Tensor.arange(DType.FLOAT32, 0, 1, 0));
    }

    @Test
    void ofWithTheWrongNumberOfValuesNamesBothSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new float[5], 2, 3));
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
        assertTrue(e.getMessage().contains("6"), e.getMessage());
        assertTrue(e.getMessage().contains("5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.wrap(new double[7], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -1));
    }

    // ---- views ----------------------------------------------------------------------------------------------

    @Test
    void reshapeOfAContiguousTensorIsAViewThatSharesStorage() {
        Tensor t = counting3x4();
        Tensor r = t.reshape(2, 6);

        assertSame(t.floatData(), r.floatData());
        assertArrayEquals(t.toFloatArray(), r.toFloatArray());
        r.set(100, 1, 0); // flat element 6 = t[1, 2]
        assertEquals(100.0, t.get(1, 2));
        t.set(-1, 2, 3);
        assertEquals(-1.0, r.get(1, 5));
    }

    @Test
    void reshapeInfersOneMinusOneDimension() {
        Tensor t = counting3x4();
        assertArrayEquals(new int[] {6, 2}, t.reshape(-1, 2).dims());
        assertArrayEquals(new int[] {2, 2, 3}, t.reshape(2, -1, 3).dims());
        assertArrayEquals(new int[] {12}, t.reshape(-1).dims());

        assertThrows(IllegalArgumentException.class, () -> t.reshape(-1, -1));
        assertThrows(IllegalArgumentException.class, () -> t.reshape(-1, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.reshape(5, 2));
        assertTrue(e.getMessage().contains("[3, 4]") && e.getMessage().contains("[5, 2]"), e.getMessage());
    }

    @Test
    void reshapeOfATransposedViewCopiesInTheViewsRowMajorOrder() {
        Tensor t = Tensor.arange(6).reshape(2, 3); // [[0, 1, 2], [3, 4, 5]]
        Tensor tt = t.transpose(); // [[0, 3], [1, 4], [2, 5]]
        Tensor flat = tt.reshape(6);

        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, flat.toFloatArray());
        assertNotSame(t.floatData(), flat.floatData());
        flat.set(42, 0);
        assertEquals(0.0, t.get(0, 0)); // the copy is independent of the original
    }

    @Test
    void transposeSwapsIndicesWithoutCopying() {
        Tensor t = counting3x4();
        Tensor tt = t.transpose();
        assertArrayEquals(new int[] {4, 3}, tt.dims());
        assertSame(t.floatData(), tt.floatData());
        assertFalse(tt.isContiguous());
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(t.get(r, c), tt.get(c, r));
            }
        }

        Tensor cube = Tensor.arange(24).reshape(2, 3, 4);
        Tensor swapped = cube.transpose(0, 2);
        assertArrayEquals(new int[] {4, 3, 2}, swapped.dims());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    assertEquals(cube.get(i, j, k), swapped.get(k, j, i));
                }
            }
        }
        assertTrue(cube.transpose(-1, 2).contentEquals(cube)); // the same axis twice: unchanged
        assertThrows(IllegalArgumentException.class, () -> Tensor.arange(3).transpose());
        assertThrows(IllegalArgumentException.class, () -> cube.transpose(0, 3));
    }

    @Test
    void narrowAndRowsAreViewsOfTheSelectedRange() {
        Tensor t = counting3x4();
        Tensor cols = t.narrow(1, 1, 2); // columns 1..2
        assertArrayEquals(new int[] {3, 2}, cols.dims());
        assertArrayEquals(new float[] {1, 2, 5, 6, 9, 10}, cols.toFloatArray());
        assertSame(t.floatData(), cols.floatData());
        assertFalse(cols.isContiguous());

        Tensor rows = t.rows(1, 3);
        assertArrayEquals(new float[] {4, 5, 6, 7, 8, 9, 10, 11}, rows.toFloatArray());
        assertTrue(rows.isContiguous()); // a block of whole rows is contiguous at an offset
        assertEquals(4, rows.offset());

        cols.set(-5, 2, 0);
        assertEquals(-5.0, t.get(2, 1));
        rows.set(-6, 0, 3);
        assertEquals(-6.0, t.get(1, 3));

        assertEquals(0, t.narrow(-1, 4, 0).size()); // an empty range at the end is allowed
        assertThrows(IndexOutOfBoundsException.class, () -> t.narrow(1, 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> t.narrow(0, -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> t.rows(2, 4));
    }

    @Test
    void getSetAndGetFlatFollowTheViewsOwnIndexing() {
        Tensor t = counting3x4();
        // transpose to [4, 3], then take rows 1..2: [[1, 5, 9], [2, 6, 10]]
        Tensor v = t.transpose().narrow(0, 1, 2);
        assertArrayEquals(new int[] {2, 3}, v.dims());
        float[] expected = {1, 5, 9, 2, 6, 10};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], v.getFlat(i), "flat " + i);
            assertEquals(expected[i], v.get(i / 3, i % 3), "index " + i);
        }

        v.set(77, 1, 2); // = t[2, 2]
        assertEquals(77.0, t.get(2, 2));
        v.setFlat(1, 55); // = v[0, 1] = t[1, 1]
        assertEquals(55.0, t.get(1, 1));

        assertThrows(IndexOutOfBoundsException.class, () -> v.get(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> v.get(0, -1));
        assertThrows(IllegalArgumentException.class, () -> v.get(0));
    }

    @Test
    void itemRejectsATensorWithMoreThanOneElement() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).item());
        assertTrue(e.getMessage().contains("[2]"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Tensor.zeros(0).item());
        assertEquals(7.0, Tensor.full(7f, 1, 1, 1).item());
    }

    @Test
    void contiguousReturnsItselfWhenContiguousAndARowMajorCopyOtherwise() {
        Tensor t = counting3x4();
        assertSame(t, t.contiguous());
        Tensor block = t.rows(1, 3);
        assertSame(block, block.contiguous());

        Tensor tt = t.transpose();
        Tensor c = tt.contiguous();
        assertNotSame(tt, c);
        assertTrue(c.isContiguous());
        assertEquals(0, c.offset());
        assertArrayEquals(new int[] {3, 1}, c.strides());
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, c.floatData());
        c.set(-1, 0, 0);
        assertEquals(0.0, t.get(0, 0));
    }

    @Test
    void toConvertsBetweenFloat32AndFloat64() {
        Tensor f = Tensor.of(new float[] {0.1f, -2.5f, 3e-8f}, 3);
        Tensor d = f.to(DType.FLOAT64);
        assertEquals(DType.FLOAT64, d.dtype());
        assertArrayEquals(new double[] {0.1f, -2.5f, 3e-8f}, d.toDoubleArray()); // widening is exact
        assertSame(f, f.to(DType.FLOAT32));

        Tensor precise = Tensor.of(new double[] {0.1, 1.0 / 3, 1e300}, 3);
        Tensor rounded = precise.to(DType.FLOAT32);
        assertEquals(DType.FLOAT32, rounded.dtype());
        assertArrayEquals(new float[] {0.1f, 1f / 3, Float.POSITIVE_INFINITY}, rounded.toFloatArray());

        Tensor view = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3).transpose();
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, view.to(DType.FLOAT32).toFloatArray());
    }

    @Test
    void contentEqualsComparesTypeShapeAndValuesNotLayout() {
        Tensor t = counting3x4();
        Tensor transposedView = t.transpose();
        Tensor sameValuesContiguous = Tensor.of(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, 4, 3);
        assertTrue(transposedView.contentEquals(sameValuesContiguous));
        assertTrue(sameValuesContiguous.contentEquals(transposedView));
        assertTrue(t.contentEquals(Tensor.arange(12).reshape(3, 4)));
        assertFalse(t.contentEquals(t.reshape(4, 3)));
        assertFalse(t.contentEquals(t.to(DType.FLOAT64)));
        Tensor changed = t.copy();
        changed.set(11.5, 2, 3);
        assertFalse(t.contentEquals(changed));
    }
}
