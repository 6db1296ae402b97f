package dev.temper.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatisticTest {
    @Test
    void meanAndSampleStandardDeviation() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, sample variance 32/7
        Statistic s = Statistic.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(5.0, s.mean());
        assertEquals(Math.sqrt(32.0 / 7), s.std(), 1e-15);
        assertEquals(8, s.n());
    }

    @Test
    void oneRunHasNoSpreadAndMissingFiguresAreLeftOut() {
        Statistic one = Statistic.of(new double[] {0.9});
        assertEquals(0.9, one.mean());
        assertTrue(Double.isNaN(one.std()));
        Statistic some = Statistic.of(new double[] {1, Double.NaN, 3});
        assertEquals(2.0, some.mean());
        assertEquals(Math.sqrt(2), some.std(), 1e-15);
        assertEquals(2, some.n());
        assertTrue(Double.isNaN(Statistic.of(new double[] {Double.NaN}).mean()));
    }
}
