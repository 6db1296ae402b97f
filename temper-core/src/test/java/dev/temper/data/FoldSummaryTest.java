package dev.temper.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FoldSummaryTest {
    @Test
    void meanAndSampleStdByHand() {
        // 1, 2, 3, 4: mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, divided by n - 1 = 3
        FoldSummary s = FoldSummary.of(1, 2, 3, 4);
        assertEquals(2.5, s.mean(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3.0), s.std(), 1e-15);
        assertEquals("2.5000 \u00b1 1.2910", s.format());
        assertEquals("2.50 \u00b1 1.29", s.format(2));
    }

    @Test
    void equalValuesHaveZeroSpread() {
        assertEquals("0.9312 \u00b1 0.0000", FoldSummary.of(0.9312, 0.9312, 0.9312).format());
    }

    @Test
    void rejectsFewerThanTwoOrNonFiniteValues() {
        String m = assertThrows(IllegalArgumentException.class, () -> FoldSummary.of(0.5)).getMessage();
        assertTrue(m.contains("at least 2") && m.contains("1"), m);
        m = assertThrows(IllegalArgumentException.class, () -> FoldSummary.of(0.5, Double.NaN)).getMessage();
        assertTrue(m.contains("NaN") && m.contains("fold 1"), m);
    }
}
