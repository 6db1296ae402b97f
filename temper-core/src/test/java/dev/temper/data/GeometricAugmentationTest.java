package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Translation, crop with padding, flip, rotation and cutout on small hand-made images. */
class GeometricAugmentationTest {
    /** 3 x 4 image with values 1..12 row-major, so every pixel is identifiable. */
    private static final ImageShape SHAPE = ImageShape.grey(3, 4);

    private static Tensor oneImage() {
        return Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 1, 12);
    }

    @Test
    void shiftMovesContentRightAndDownWithZeroFill() {
        Tensor out = RandomTranslation.shift(oneImage(), SHAPE, 1, 1);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 2, 3, 0, 5, 6, 7}, out.toFloatArray());
        out = RandomTranslation.shift(oneImage(), SHAPE, -2, 0);
        assertArrayEquals(new float[] {3, 4, 0, 0, 7, 8, 0, 0, 11, 12, 0, 0}, out.toFloatArray());
        assertArrayEquals(new float[12], RandomTranslation.shift(oneImage(), SHAPE, 4, 0).toFloatArray());
    }

    @Test
    void randomTranslationAppliesTheShiftItDraws() {
        Tensor images = new Rng(1).uniform(0f, 1f, 6, 12);
        Tensor out = new RandomTranslation(SHAPE, 2).apply(images, new Rng(9));
        Rng replay = new Rng(9);
        for (int i = 0; i < 6; i++) {
            int dx = replay.nextInt(5) - 2;
            int dy = replay.nextInt(5) - 2;
            Tensor expected = RandomTranslation.shift(images.rows(i, i + 1), SHAPE, dx, dy);
            assertArrayEquals(expected.toFloatArray(), out.rows(i, i + 1).toFloatArray(), "image " + i);
        }
    }

    @Test
    void cropWithPaddingEqualsPaddingThenCropping() {
        int p = 2;
        float[] image = oneImage().toFloatArray();
        for (int top = 0; top <= 2 * p; top++) {
            for (int left = 0; left <= 2 * p; left++) {
                // naive: build the padded (3+4) x (4+4) image, then cut the 3 x 4 window at (top, left)
                float[][] padded = new float[3 + 2 * p][4 + 2 * p];
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 4; x++) {
                        padded[y + p][x + p] = image[y * 4 + x];
                    }
                }
                float[] expected = new float[12];
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 4; x++) {
                        expected[y * 4 + x] = padded[y + top][x + left];
                    }
                }
                assertArrayEquals(expected, RandomCrop.crop(oneImage(), SHAPE, p, top, left).toFloatArray(), "top " + top + " left " + left);
            }
        }
    }

    @Test
    void randomCropAppliesTheOffsetItDraws() {
        Tensor images = new Rng(2).uniform(0f, 1f, 5, 12);
        Tensor out = new RandomCrop(SHAPE, 1).apply(images, new Rng(4));
        Rng replay = new Rng(4);
        for (int i = 0; i < 5; i++) {
            int top = replay.nextInt(3);
            int left = replay.nextInt(3);
            assertArrayEquals(RandomCrop.crop(images.rows(i, i + 1), SHAPE, 1, top, left).toFloatArray(), out.rows(i, i + 1).toFloatArray());
        }
    }

    @Test
    void flipMirrorsEachRowOfEachChannel() {
        ImageShape two = new ImageShape(2, 1, 3);
        Tensor images = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 1, 6);
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, RandomHorizontalFlip.flip(images, two).toFloatArray());
        Tensor batch = new Rng(3).uniform(0f, 1f, 4, 12);
        assertArrayEquals(batch.toFloatArray(), new RandomHorizontalFlip(SHAPE, 0).apply(batch, new Rng(1)).toFloatArray());
        assertArrayEquals(RandomHorizontalFlip.flip(batch, SHAPE).toFloatArray(), new RandomHorizontalFlip(SHAPE, 1).apply(batch, new Rng(1)).toFloatArray());
    }

    @Test
    void rotationByNinetyDegreesIsRot90() {
        int n = 5;
        ImageShape square = ImageShape.grey(n, n);
        Tensor images = new Rng(6).uniform(0f, 1f, 2, n * n);
        float[] in = images.toFloatArray();
        float[] out = RandomRotation.rotate(images, square, 90).toFloatArray();
        float[] back = RandomRotation.rotate(images, square, -90).toFloatArray();
        for (int b = 0; b < 2; b++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    // counter-clockwise as displayed (numpy.rot90): out[y][x] = in[x][n-1-y]
                    assertEquals(in[b * n * n + x * n + (n - 1 - y)], out[b * n * n + y * n + x], 1e-6);
                    // clockwise: out[y][x] = in[n-1-x][y]
                    assertEquals(in[b * n * n + (n - 1 - x) * n + y], back[b * n * n + y * n + x], 1e-6);
                }
            }
        }
        assertArrayEquals(in, RandomRotation.rotate(images, square, 0).toFloatArray());
    }

    @Test
    void rotationInterpolatesBilinearlyAndFillsWithZero() {
        // 45 degrees about the centre of a 3 x 3 image of ones: the corner (0, 0) reads from above the image's top
        ImageShape s = ImageShape.grey(3, 3);
        Tensor ones = Tensor.ones(1, 9);
        float[] out = RandomRotation.rotate(ones, s, 45).toFloatArray();
        assertEquals(1f, out[4], 1e-6, "centre stays");
        // source x = 1 + (-1) cos45 - (-1) sin45 = 1, source y = 1 + (-1) sin45 + (-1) cos45 = 1 - sqrt 2:
        // reads between rows -1 (outside, 0) and 0 (value 1) with weight frac(1 - sqrt 2) = 2 - sqrt 2 on row 0
        assertEquals(2 - Math.sqrt(2), out[0], 1e-6);
    }

    @Test
    void cutoutZeroesExactlyTheSquareWhenInside() {
        ImageShape s = new ImageShape(2, 6, 6);
        Tensor ones = Tensor.ones(1, 72);
        float[] out = new Cutout(s, 3).cut(ones, 1, 2).toFloatArray();
        int zeros = 0;
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 6; x++) {
                    boolean inside = y >= 1 && y < 4 && x >= 2 && x < 5;
                    assertEquals(inside ? 0f : 1f, out[c * 36 + y * 6 + x]);
                    zeros += inside ? 1 : 0;
                }
            }
        }
        assertEquals(2 * 9, zeros);
        float[] clipped = new Cutout(s, 3).cut(ones, -1, -1).toFloatArray();
        assertEquals(0f, clipped[0]);
        assertEquals(1f, clipped[2]);
        assertEquals(1f, clipped[6 * 2]);
    }

    @Test
    void randomCutoutZeroesAtMostTheSquarePerImage() {
        ImageShape s = ImageShape.grey(8, 8);
        float[] out = new Cutout(s, 4).apply(Tensor.ones(20, 64), new Rng(5)).toFloatArray();
        for (int i = 0; i < 20; i++) {
            int zeros = 0;
            for (int j = 0; j < 64; j++) {
                zeros += out[i * 64 + j] == 0f ? 1 : 0;
            }
            assertTrue(zeros >= 4 && zeros <= 16, "image " + i + " has " + zeros + " zeros");
        }
    }

    @Test
    void sameSeedSameOutputAndInputUntouched() {
        ImageShape s = ImageShape.grey(6, 5);
        Tensor images = new Rng(8).uniform(0f, 1f, 7, 30);
        float[] before = images.toFloatArray();
        List<Augmentation> all = List.of(new RandomTranslation(s, 2), new RandomCrop(s, 2), new RandomHorizontalFlip(s, 0.5),
                new RandomRotation(s, 15), new GaussianNoise(0.1), new Cutout(s, 2),
                Pipeline.of(new RandomRotation(s, 10), new RandomTranslation(s, 1)), new Cutout(s, 2).then(new GaussianNoise(0.05)),
                Pipeline.of());
        for (Augmentation a : all) {
            Tensor first = a.apply(images, new Rng(42));
            Tensor second = a.apply(images, new Rng(42));
            assertArrayEquals(first.toFloatArray(), second.toFloatArray(), a.toString());
            assertEquals(images.shape(), first.shape());
            assertArrayEquals(before, images.toFloatArray(), a + " must not modify its input");
            assertTrue(first != images, a.toString());
        }
    }

    @Test
    void pipelineAppliesStepsInOrderFromOneGenerator() {
        ImageShape s = ImageShape.grey(4, 4);
        Tensor images = new Rng(1).uniform(0f, 1f, 3, 16);
        Rng rng = new Rng(77);
        Tensor expected = new Cutout(s, 2).apply(new RandomTranslation(s, 1).apply(images, rng), rng);
        assertArrayEquals(expected.toFloatArray(), new RandomTranslation(s, 1).then(new Cutout(s, 2)).apply(images, new Rng(77)).toFloatArray());
    }

    @Test
    void rejectsWrongImageShapeAndBadArguments() {
        String m = assertThrows(IllegalArgumentException.class, () -> new RandomTranslation(SHAPE, 1).apply(Tensor.zeros(2, 10), new Rng(1)))
                .getMessage();
        assertTrue(m.contains("RandomTranslation") && m.contains("[n, 12]") && m.contains("[2, 10]"), m);
        m = assertThrows(IllegalArgumentException.class, () -> new RandomCrop(SHAPE, -1)).getMessage();
        assertTrue(m.contains("padding") && m.contains("-1"), m);
        m = assertThrows(IllegalArgumentException.class, () -> new RandomHorizontalFlip(SHAPE, 1.5)).getMessage();
        assertTrue(m.contains("probability") && m.contains("1.5"), m);
        m = assertThrows(IllegalArgumentException.class, () -> new Cutout(SHAPE, 0)).getMessage();
        assertTrue(m.contains("size") && m.contains("0"), m);
        m = assertThrows(IllegalArgumentException.class, () -> new RandomRotation(SHAPE, 200)).getMessage();
        assertTrue(m.contains("maxDegrees") && m.contains("200"), m);
    }
}
