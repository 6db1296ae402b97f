package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Broken files: each gives a DataFormatException whose one-line message names the file and the problem. */
class IdxReaderMalformedTest {

    @TempDir
    Path folder;

    private static final byte[] GOOD = IdxBytes.uint8(new int[] {2, 3}, IdxBytes.counting(6));

    @Test
    void rejectsAnEmptyFile() throws IOException {
        assertRejected(write("empty.idx", new byte[0]), "empty file");
    }

    @Test
    void rejectsAFileShorterThanTheFixedHeader() throws IOException {
        assertRejected(write("two-bytes.idx", new byte[] {0, 0}),
                "file ends after 2 bytes, inside the 4-byte IDX header");
    }

    @Test
    void rejectsNonZeroFirstBytes() throws IOException {
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0};
        assertRejected(write("archive.zip", zip), "not an IDX file: it starts with 0x50 0x4B");
    }

    @Test
    void rejectsAnUnsupportedElementTypeByName() throws IOException {
        byte[] floats = IdxBytes.concat(IdxBytes.header(0x0D, 2), new byte[8]);
        assertRejected(write("floats.idx", floats), "unsupported IDX element type 0x0D (float32)", "uint8 (0x08)");
        byte[] unknown = IdxBytes.concat(IdxBytes.header(0x07, 2), new byte[2]);
        assertRejected(write("unknown-type.idx", unknown), "unsupported IDX element type 0x07 (not an IDX type code)");
    }

    @Test
    void rejectsZeroOrTooManyDimensions() throws IOException {
        assertRejected(write("no-dimensions.idx", IdxBytes.header(0x08)), "declares 0 dimensions; temper reads 1 to 8");
        assertRejected(write("nine-dimensions.idx", IdxBytes.header(0x08, 1, 1, 1, 1, 1, 1, 1, 1, 1)),
                "declares 9 dimensions");
    }

    @Test
    void rejectsAHeaderShorterThanItsDeclaredDimensions() throws IOException {
        byte[] header = Arrays.copyOf(IdxBytes.header(0x08, 8000, 28, 28), 4 + 4 * 2 + 1);
        assertRejected(write("short-header.idx", header),
                "truncated IDX header: it declares 3 dimensions, the file ends after 2 of them");
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        byte[] truncated = Arrays.copyOf(GOOD, GOOD.length - 2);
        String expected = "truncated IDX file: header says 2x3 = 6 bytes of data, found 4";
        assertRejected(write("truncated.idx", truncated), expected);
        assertRejected(write("truncated.idx.gz", IdxBytes.gzip(truncated)), expected);
        assertRejectedStream(truncated, expected);
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        byte[] longer = IdxBytes.concat(GOOD, new byte[] {1, 2});
        String expected = "trailing bytes after the IDX data: header says 2x3 = 6 bytes of data, found 8";
        assertRejected(write("longer.idx", longer), expected);
        assertRejected(write("longer.idx.gz", IdxBytes.gzip(longer)), expected);
        assertRejectedStream(longer, expected);
    }

    @Test
    void rejectsSizesWhoseProductOverflowsAnInt() throws IOException {
        assertRejected(write("overflow.idx", IdxBytes.header(0x08, 65536, 65536)),
                "IDX header says 65536x65536 = 4294967296 bytes of data, more than the 2147483639");
        // Each size is an unsigned 32-bit number: 0xFFFFFFFF is 4294967295, not -1.
        assertRejected(write("unsigned.idx", IdxBytes.header(0x08, 0xFFFFFFFFL)),
                "IDX header says 4294967295 = 4294967295 bytes of data");
    }

    @Test
    void rejectsHugeItemsEvenWhenTheCountIsZero() throws IOException {
        assertRejected(write("zero-count.idx", IdxBytes.header(0x08, 0, 65536, 65536)),
                "IDX header says 0x65536x65536: items of 4294967296 bytes");
    }

    @Test
    void rejectsAZeroSizeOtherThanTheCount() throws IOException {
        assertRejected(write("zero-width.idx", IdxBytes.header(0x08, 10, 28, 0)),
                "10x28x0: size 3 is 0, only the count (the first size) may be 0");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void rejectsAHeaderOfAstronomicalSizeBeforeAllocating() throws IOException {
        byte[] huge = IdxBytes.concat(IdxBytes.header(0x08, 60000, 60000, 60000), new byte[16]);
        String expected = "60000x60000x60000 = 216000000000000 bytes of data, more than";
        assertRejected(write("huge.idx", huge), expected);
        assertRejected(write("huge.idx.gz", IdxBytes.gzip(huge)), expected);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void doesNotLetAHeaderThatFitsAnArrayDecideTheAllocation() throws IOException {
        // 46340x46340 = 2147395600 bytes passes the size check, but only 10 bytes follow. The reader must find
        // out from the file size (plain) or by reading (gzip, stream) instead of allocating 2 GiB first.
        byte[] liar = IdxBytes.concat(IdxBytes.header(0x08, 46340, 46340), new byte[10]);
        String expected = "truncated IDX file: header says 46340x46340 = 2147395600 bytes of data, found 10";
        Path plain = write("liar.idx", liar);
        Path gzipped = write("liar.idx.gz", IdxBytes.gzip(liar));

        long allocated = allocatedBytes(() -> {
            assertRejected(plain, expected);
            assertRejected(gzipped, expected);
            assertRejectedStream(liar, expected);
        });
        assertTrue(allocated < 64L << 20, "reading a 10-byte body allocated " + allocated + " bytes");
    }

    @Test
    void rejectsCorruptDeflateData() throws IOException {
        // A valid gzip header, then 0xFF: a final deflate block of the reserved type 3.
        byte[] corrupt = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0};
        assertRejected(write("corrupt.idx.gz", corrupt), "corrupt gzip data");
    }

    @Test
    void rejectsAGzipFileWhoseChecksumDoesNotMatch() throws IOException {
        byte[] gzip = IdxBytes.gzip(GOOD);
        gzip[gzip.length - 8] ^= 0x01; // the CRC-32 of the uncompressed data starts 8 bytes from the end
        assertRejected(write("bad-crc.idx.gz", gzip), "corrupt gzip data");
    }

    @Test
    void rejectsATruncatedGzipFile() throws IOException {
        byte[] gzip = IdxBytes.gzip(GOOD);
        assertRejected(write("cut.idx.gz", Arrays.copyOf(gzip, gzip.length - 12)),
                "gzip data ends early", "truncated");
    }

    @Test
    void reportsAMissingFileByPath() {
        Path missing = folder.resolve("no-such-file.idx");
        assertRejected(missing, "cannot read IDX file " + missing + ": no such file");
    }

    @Test
    void reportsADirectoryByPath() {
        assertRejected(folder, "cannot read IDX file " + folder + ": it is a directory");
    }

    @Test
    void namesTheSourceOfAStream() {
        DataFormatException error = assertThrows(DataFormatException.class,
                () -> IdxReader.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), "https://example.org/x.idx"));
        assertTrue(error.getMessage().startsWith("https://example.org/x.idx: not an IDX file"), error.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static void assertRejected(Path file, String... expectedParts) {
        DataFormatException error = assertThrows(DataFormatException.class, () -> IdxReader.read(file));
        assertMessage(error, file.getFileName().toString(), expectedParts);
    }

    private static void assertRejectedStream(byte[] bytes, String... expectedParts) {
        DataFormatException error = assertThrows(DataFormatException.class,
                () -> IdxReader.read(new ByteArrayInputStream(bytes), "test stream"));
        assertMessage(error, "test stream", expectedParts);
    }

    private static void assertMessage(DataFormatException error, String source, String... expectedParts) {
        String message = error.getMessage();
        assertTrue(message.contains(source), "message should name " + source + ": " + message);
        for (String part : expectedParts) {
            assertTrue(message.contains(part), "message should say \"" + part + "\": " + message);
        }
        assertFalse(message.contains("\n"), "message should be one line: " + message);
    }

    /** Bytes this thread allocated while running the action, from HotSpot's per-thread counter. */
    private static long allocatedBytes(Runnable action) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocations per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocations per thread");
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        action.run();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    }
}
