package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are well formed: what is written comes back. The broken ones are in IdxReaderMalformedTest. */
class IdxReaderTest {

    @TempDir
    Path folder;

    private static final int[] DIMENSIONS = {5, 4, 3};
    private static final byte[] DATA = IdxBytes.counting(5 * 4 * 3);
    private static final IdxFile EXPECTED = new IdxFile(DIMENSIONS, DATA);

    @Test
    void readsAPlainFileItWroteItself() throws IOException {
        Path file = Files.write(folder.resolve("small-idx3-ubyte"), IdxBytes.uint8(DIMENSIONS, DATA));
        assertEquals(EXPECTED, IdxReader.read(file));
    }

    @Test
    void readsAGzippedFileRecognisedByItsMagicNotItsName() throws IOException {
        // No .gz in the name: detection must look at the bytes.
        Path file = Files.write(folder.resolve("small-idx3-ubyte"), IdxBytes.gzip(IdxBytes.uint8(DIMENSIONS, DATA)));
        assertEquals(EXPECTED, IdxReader.read(file));
    }

    @Test
    void readsPlainAndGzippedStreams() {
        byte[] plain = IdxBytes.uint8(DIMENSIONS, DATA);
        assertEquals(EXPECTED, IdxReader.read(new ByteArrayInputStream(plain), "plain stream"));
        assertEquals(EXPECTED, IdxReader.read(new ByteArrayInputStream(IdxBytes.gzip(plain)), "gzipped stream"));
    }

    @Test
    void keepsUnsignedValuesAbove127() throws IOException {
        Path file = Files.write(folder.resolve("values"), IdxBytes.uint8(new int[] {3}, new byte[] {0, -128, -1}));
        IdxFile read = IdxReader.read(file);
        assertEquals(128, read.unsigned(1));
        assertEquals(255, read.unsigned(2));
    }

    @Test
    void readsALabelFileWithOneDimension() throws IOException {
        byte[] labels = {7, 2, 1, 0, 4, 1, 4, 9, 5, 9};
        Path file = Files.write(folder.resolve("labels-idx1-ubyte.gz"),
                IdxBytes.gzip(IdxBytes.uint8(new int[] {10}, labels)));
        IdxFile read = IdxReader.read(file);
        assertEquals(10, read.count());
        assertEquals(1, read.itemSize());
        assertArrayEquals(labels, read.data());
    }

    @Test
    void acceptsAnEmptySetWithCountZero() throws IOException {
        Path file = Files.write(folder.resolve("empty-set"), IdxBytes.uint8(new int[] {0, 28, 28}, new byte[0]));
        IdxFile read = IdxReader.read(file);
        assertEquals(0, read.count());
        assertEquals(784, read.itemSize());
    }

    @Test
    void growsItsBufferForGzippedDataLargerThanOneChunk() throws IOException {
        // 300 images of 28x28 is 235200 bytes, several times the first 64 KiB chunk.
        byte[] pixels = new byte[300 * 28 * 28];
        new Random(20240611L).nextBytes(pixels);
        int[] dimensions = {300, 28, 28};
        Path file = Files.write(folder.resolve("random-images.gz"), IdxBytes.gzip(IdxBytes.uint8(dimensions, pixels)));
        assertEquals(new IdxFile(dimensions, pixels), IdxReader.read(file));
    }

    @Test
    void leavesTheCallersStreamOpen() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(IdxBytes.gzip(IdxBytes.uint8(DIMENSIONS, DATA))) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        IdxReader.read(in, "caller's stream");
        assertFalse(closed[0]);
    }
}
