package dev.temper.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files byte by byte, so tests can write well-formed and broken ones themselves. */
final class IdxBytes {

    private IdxBytes() {
    }

    /** {@code 0x00 0x00 typeCode ndim}, then each size as a big-endian uint32 (sizes above 2^31 allowed). */
    static byte[] header(int typeCode, long... sizes) {
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * sizes.length);
        header.put((byte) 0).put((byte) 0).put((byte) typeCode).put((byte) sizes.length);
        for (long size : sizes) {
            header.putInt((int) size);
        }
        return header.array();
    }

    /** A well-formed uint8 IDX file. */
    static byte[] uint8(int[] dimensions, byte[] data) {
        long[] sizes = new long[dimensions.length];
        for (int i = 0; i < dimensions.length; i++) {
            sizes[i] = dimensions[i];
        }
        return concat(header(0x08, sizes), data);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    /** 0, 1, 2, ... wrapping at 256, so that values above 127 (negative Java bytes) are covered. */
    static byte[] counting(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }
}
