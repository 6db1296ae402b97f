package dev.temper.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages a valid file at random, 500 times from one seed (flipped bytes, mostly in the header where they matter;
 * truncation; a changed length prefix), and checks that every read either succeeds with a consistent result or fails
 * with a {@link ModelFileException}: never another exception, a stack overflow or an out-of-memory error.
 */
class SafeTensorsFuzzTest {
    @TempDir
    Path dir;

    @Test
    void randomCorruptionsNeverEscapeAsAnythingButModelFileException() throws IOException {
        Path valid = dir.resolve("valid.safetensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("w", new Rng(1).uniform(-1, 1, 3, 5));
        tensors.put("b", Tensor.zeros(DType.FLOAT64, 5));
        tensors.put("s", Tensor.scalar(2f));
        tensors.put("e", Tensor.zeros(0, 3));
        SafeTensors.write(valid, tensors, Map.of("format", "temper"));
        byte[] original = Files.readAllBytes(valid);
        int headerEnd = 8 + (int) SafeTensorsBytes.prefix(original);

        Rng rng = new Rng(20261123);
        Path file = dir.resolve("damaged.safetensors");
        int failures = 0;
        for (int trial = 0; trial < 500; trial++) {
            byte[] bytes = corrupt(original, headerEnd, rng);
            Files.write(file, bytes);
            try {
                TensorFile read = SafeTensors.read(file);
                long n = SafeTensorsBytes.prefix(bytes);
                long dataBytes = 0;
                for (Tensor t : read.tensors().values()) {
                    dataBytes += (long) t.size() * t.dtype().bytes();
                }
                assertEquals(bytes.length - 8 - n, dataBytes, "trial " + trial + ": tensors tile the data buffer");
            } catch (ModelFileException expected) {
                failures++;
            } catch (Throwable other) {
                fail("trial " + trial + " escaped as " + other, other);
            }
        }
        // Sanity: the corruptions are not all harmless (nor all fatal, since data-byte flips are valid files).
        final int rejected = failures;
        org.junit.jupiter.api.Assertions.assertTrue(rejected > 100 && rejected < 500, "rejected " + rejected);
    }

    private static byte[] corrupt(byte[] original, int headerEnd, Rng rng) {
        byte[] b = original.clone();
        switch (rng.nextInt(4)) {
            case 0, 1 -> { // flip 1 to 4 bytes, 3 times in 4 inside the header
                int flips = 1 + rng.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    int at = rng.nextInt(4) < 3 ? 8 + rng.nextInt(headerEnd - 8) : rng.nextInt(b.length);
                    b[at] = (byte) (rng.nextInt(4) == 0 ? b[at] ^ (1 << rng.nextInt(8)) : rng.nextInt(256));
                }
                return b;
            }
            case 2 -> {
                return Arrays.copyOf(b, rng.nextInt(b.length));
            }
            default -> { // a new length prefix: random 64 bits, or near the true value
                long n = rng.nextInt(2) == 0 ? rng.nextLong() : SafeTensorsBytes.prefix(b) + rng.nextInt(41) - 20;
                for (int i = 0; i < 8; i++) {
                    b[i] = (byte) (n >>> (8 * i));
                }
                return b;
            }
        }
    }
}
