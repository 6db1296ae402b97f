package dev.temper.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds safetensors files by hand for the tests, so that damaged files can be written on purpose. */
final class SafeTensorsBytes {
    private SafeTensorsBytes() {}

    /** A file whose length prefix is the header's true length. */
    static byte[] file(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return file(h.length, h, data);
    }

    /** A file with an arbitrary length prefix (written as 8 little-endian bytes, shifted out by hand). */
    static byte[] file(long prefix, byte[] header, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 8; i++) {
            out.write((int) (prefix >>> (8 * i)) & 0xff);
        }
        out.writeBytes(header);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** The little-endian bytes of float32 values, by shifting bits (not through a ByteBuffer as the writer does). */
    static byte[] floatBytes(float... values) {
        byte[] out = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            int bits = Float.floatToRawIntBits(values[i]);
            for (int b = 0; b < 4; b++) {
                out[4 * i + b] = (byte) (bits >>> (8 * b));
            }
        }
        return out;
    }

    /** The little-endian bytes of float64 values. */
    static byte[] doubleBytes(double... values) {
        byte[] out = new byte[values.length * 8];
        for (int i = 0; i < values.length; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            for (int b = 0; b < 8; b++) {
                out[8 * i + b] = (byte) (bits >>> (8 * b));
            }
        }
        return out;
    }

    /** The unsigned little-endian 64-bit integer at the start of {@code file}. */
    static long prefix(byte[] file) {
        long n = 0;
        for (int i = 7; i >= 0; i--) {
            n = (n << 8) | (file[i] & 0xff);
        }
        return n;
    }
}
