package dev.temper.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a file can be damaged gives a one-line {@link ModelFileException} that names the file and the problem. */
class SafeTensorsCorruptionTest {
    private static final String A = "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";
    private static final byte[] TWO_FLOATS = SafeTensorsBytes.floatBytes(1f, 2f);

    @TempDir
    Path dir;

    private String failure(byte[] bytes, String expectedFragment) throws IOException {
        Path file = dir.resolve("bad.safetensors");
        Files.write(file, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> SafeTensors.read(file));
        String message = e.getMessage();
        assertTrue(message.startsWith(file + ": "), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(message.contains(expectedFragment), "expected '" + expectedFragment + "' in: " + message);
        assertEquals(file, e.file());
        return message;
    }

    private String failure(String header, byte[] data, String expectedFragment) throws IOException {
        return failure(SafeTensorsBytes.file(header, data), expectedFragment);
    }

    @Test
    void theHandBuiltBaseFileIsValid() throws IOException {
        Path file = dir.resolve("good.safetensors");
        Files.write(file, SafeTensorsBytes.file("{" + A + "}", TWO_FLOATS));
        assertEquals(2.0, SafeTensors.read(file).tensors().get("a").getFlat(1));
    }

    @Test
    void aFileShorterThanTheLengthPrefix() throws IOException {
        failure(new byte[5], "only 5 bytes");
    }

    @Test
    void aMissingFile() {
        Path file = dir.resolve("absent.safetensors");
        ModelFileException e = assertThrows(ModelFileException.class, () -> SafeTensors.read(file));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void truncatedData() throws IOException {
        failure("{" + A + "}", Arrays.copyOf(TWO_FLOATS, 6), "data_offsets [0, 8] outside the data buffer of 6 bytes");
    }

    @Test
    void trailingBytesNoTensorOwns() throws IOException {
        failure("{" + A + "}", Arrays.copyOf(TWO_FLOATS, 12), "cover 8 data bytes but the file holds 12");
    }

    @Test
    void headerLengthLargerThanTheFile() throws IOException {
        byte[] h = ("{" + A + "}").getBytes(StandardCharsets.UTF_8);
        failure(SafeTensorsBytes.file(h.length + 100, h, TWO_FLOATS), "is larger than the");
    }

    @Test
    void headerLengthOverTheLimit() throws IOException {
        byte[] h = ("{" + A + "}").getBytes(StandardCharsets.UTF_8);
        failure(SafeTensorsBytes.file(SafeTensors.MAX_HEADER_BYTES + 1, h, TWO_FLOATS), "exceeds the limit");
        failure(SafeTensorsBytes.file(-1L, h, TWO_FLOATS), "header length 18446744073709551615 exceeds the limit");
    }

    @Test
    void overlappingOffsets() throws IOException {
        String b = "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}";
        failure("{" + A + "," + b + "}", TWO_FLOATS, "overlaps the tensor before it");
    }

    @Test
    void aGapBetweenTensors() throws IOException {
        String a = "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
        String b = "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}";
        failure("{" + a + "," + b + "}", new byte[12], "gap in the data buffer: bytes [4, 8)");
    }

    @Test
    void unsupportedDtypesNameTheTensorAndTheDtype() throws IOException {
        failure("{" + A.replace("F32", "I8") + "}", TWO_FLOATS, "tensor \"a\" has dtype \"I8\"; temper reads only F32 and F64");
        failure("{" + A.replace("F32", "BF16") + "}", TWO_FLOATS, "tensor \"a\" has dtype \"BF16\"");
    }

    @Test
    void shapeThatDoesNotMatchTheByteRange() throws IOException {
        failure("{" + A.replace("[2]", "[3]") + "}", TWO_FLOATS, "has 8 data bytes but dtype F32 and shape [3] need 12");
        failure("{" + A.replace("[2]", "[-2]") + "}", TWO_FLOATS, "shape entry -2");
    }

    @Test
    void shapesWhoseElementCountWouldOverflow() throws IOException {
        failure("{" + A.replace("[2]", "[2147483647,2147483647,2147483647]") + "}", TWO_FLOATS, "more than 2^31-1 elements");
        failure("{" + A.replace("[2]", "[99999999999]") + "}", TWO_FLOATS, "shape entry 99999999999");
        failure("{" + A.replace("[2]", "[9999999999999999999999]") + "}", TWO_FLOATS, "is too large");
    }

    @Test
    void invalidJson() throws IOException {
        failure("{" + A, TWO_FLOATS, "invalid JSON header");
        failure("{" + A + "}x", TWO_FLOATS, "after the end of the JSON value");
        failure("{" + A.replace("[2]", "[2.0]") + "}", TWO_FLOATS, "only integers");
        failure("{" + A.replace("\"a\"", "a") + "}", TWO_FLOATS, "expected a string key");
        failure("{\"a\":true}", new byte[0], "only objects, arrays, strings and integers");
        failure("[" + "[".repeat(100) + "]".repeat(101), new byte[0], "nested deeper than");
        failure("{\"a\\q\":{}}", new byte[0], "invalid escape");
        failure("{\"a\n\":{}}", new byte[0], "control character");
    }

    @Test
    void headerBytesThatAreNotUtf8() throws IOException {
        byte[] h = {'{', '"', (byte) 0xff, '"', ':', '{', '}', '}'};
        failure(SafeTensorsBytes.file(h.length, h, new byte[0]), "not valid UTF-8");
    }

    @Test
    void duplicateNames() throws IOException {
        failure("{" + A + "," + A + "}", TWO_FLOATS, "duplicate key \"a\"");
    }

    @Test
    void malformedEntriesAndMetadata() throws IOException {
        failure("[]", new byte[0], "header is not a JSON object");
        failure("{\"a\":{\"dtype\":\"F32\",\"shape\":[0]}}", new byte[0], "no array field \"data_offsets\"");
        failure("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0]}}", new byte[0], "expected 2");
        failure("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0],\"x\":1}}", new byte[0], "unknown field \"x\"");
        failure("{\"__metadata__\":{\"k\":1}}", new byte[0], "__metadata__ value of \"k\" is not a string");
        failure("{\"__metadata__\":[]}", new byte[0], "__metadata__ must be an object");
    }

    @Test
    void namesWithLineBreaksStillGiveOneLineMessages() throws IOException {
        failure("{" + A.replace("\"a\"", "\"a\\nb\"").replace("F32", "I8") + "}", TWO_FLOATS, "tensor \"a\\u000ab\"");
    }
}
