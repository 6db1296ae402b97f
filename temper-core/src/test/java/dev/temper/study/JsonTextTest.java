package dev.temper.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test
    void writesAndReadsBackNestedValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "l2 \"strong\"\n\ttab\u0001");
        m.put("value", 0.1 + 0.2);
        m.put("count", 3L);
        m.put("missing", Double.NaN);
        m.put("flag", true);
        m.put("seeds", List.of(1L, 2L));
        m.put("nested", List.of(Map.of("a", 1.5)));
        Object back = JsonText.parse(JsonText.write(m));
        Map<String, Object> expected = new LinkedHashMap<>(m);
        expected.put("count", 3.0);
        expected.put("missing", null);
        expected.put("seeds", List.of(1.0, 2.0));
        assertEquals(expected, back);
        assertEquals(0.30000000000000004, ((Map<?, ?>) back).get("value"), "full precision survives");
    }

    @Test
    void refusesWhatIsNotStrictJson() {
        for (String bad : Arrays.asList("{\"a\": 1,}", "{\"a\": 1} x", "{\"a\": 1, \"a\": 2}", "[01]", "{'a': 1}",
                "{\"a\": NaN}", "\"open", "[" .repeat(40) + "]".repeat(40))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonText.parse(bad), bad);
            assertTrue(e.getMessage().contains("at character"), e.getMessage());
        }
    }
}
