package dev.temper.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link StrictJson#write} writes, {@link StrictJson#parse} reads back equal; anything outside the subset is refused. */
class StrictJsonTest {
    @TempDir
    Path dir;

    @Test
    void writtenValuesParseBackEqual() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("epoch", 3L);
        value.put("step", -999_999_999_999_999_999L);
        value.put("name", "quote \" backslash \\ newline \n tab \t \u0001 \u00e9 \u4e2d");
        value.put("empty", Map.of());
        value.put("list", List.of("a", 1L, List.of(), Map.of("k", "v")));
        String text = StrictJson.write(value);
        assertEquals(value, StrictJson.parse(text, "test"));
        assertEquals("{\"a\":[1,2]}", StrictJson.write(Map.of("a", List.of(1, 2))));
    }

    @Test
    void valuesOutsideTheSubsetAreRefusedOnBothSides() {
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> StrictJson.write(Map.of("x", 0.5)));
        assertTrue(d.getMessage().contains("Double 0.5"), d.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StrictJson.write(java.util.Collections.singletonMap("x", null)));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> StrictJson.write(Long.MAX_VALUE));
        assertTrue(big.getMessage().contains("more than 18 digits"), big.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> StrictJson.parse("[0.5]", "state"));
        assertTrue(f.getMessage().startsWith("invalid JSON state at character 2"), f.getMessage());
    }

    @Test
    void metadataAloneIsReadWithTheHeaderChecked() throws IOException {
        Path file = dir.resolve("m.safetensors");
        SafeTensors.write(file, Map.of("w", dev.temper.tensor.Tensor.zeros(100)), Map.of("run", "one"));
        assertEquals(Map.of("run", "one"), SafeTensors.readMetadata(file));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        ModelFileException e = assertThrows(ModelFileException.class, () -> SafeTensors.readMetadata(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
