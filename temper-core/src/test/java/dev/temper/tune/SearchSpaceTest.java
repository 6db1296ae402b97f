package dev.temper.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.tensor.Rng;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    private final SearchSpace space = SearchSpace.of(
            Categorical.of("optimizer", "adam", "sgd"),
            FloatRange.logUniform("learning_rate", 1e-4, 1e-1),
            FloatRange.uniform("momentum", 0, 0.99).when("optimizer", "sgd"),
            IntegerRange.logUniform("width", 32, 1024));

    @Test
    void momentumIsActiveOnlyForSgd() {
        Rng rng = new Rng(1);
        int sgd = 0;
        for (int i = 0; i < 200; i++) {
            Configuration c = space.sample(rng);
            assertEquals(c.text("optimizer").equals("sgd"), c.has("momentum"), c.describe());
            sgd += c.text("optimizer").equals("sgd") ? 1 : 0;
        }
        assertTrue(sgd > 60 && sgd < 140, "sgd drawn " + sgd + " times of 200");
    }

    @Test
    void logUniformDrawsSpreadEvenlyOverDecades() {
        Rng rng = new Rng(2);
        int[] decades = new int[3];
        for (int i = 0; i < 3000; i++) {
            double lr = space.sample(rng).doubleValue("learning_rate");
            assertTrue(lr >= 1e-4 && lr <= 1e-1);
            decades[(int) Math.floor(Math.log10(lr) + 4)]++;
        }
        for (int d : decades) {
            assertTrue(Math.abs(d - 1000) < 120, "draws per decade " + java.util.Arrays.toString(decades));
        }
    }

    @Test
    void validationNamesTheParameterAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> space.validate(Map.of("optimizer", "adam", "learning_rate", 0.5, "width", 64)));
        assertTrue(e.getMessage().contains("'learning_rate'") && e.getMessage().contains("0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> space.validate(Map.of("optimizer", "adam", "learning_rate", 0.01, "momentum", 0.9, "width", 64)));
        assertTrue(e.getMessage().contains("'momentum'") && e.getMessage().contains("inactive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> space.validate(Map.of("optimizer", "rmsprop", "learning_rate", 0.01, "width", 64)));
        assertTrue(e.getMessage().contains("'optimizer'") && e.getMessage().contains("rmsprop"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> space.validate(Map.of("optimizer", "adam", "learning_rate", 0.01, "width", 64.5)));
        assertTrue(e.getMessage().contains("'width'") && e.getMessage().contains("64.5"), e.getMessage());
    }

    @Test
    void badSpacesAreRefusedWithTheParameterNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchSpace.of(
                FloatRange.uniform("momentum", 0, 1).when("optimizer", "sgd"), Categorical.of("optimizer", "adam", "sgd")));
        assertTrue(e.getMessage().contains("'momentum'") && e.getMessage().contains("before"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SearchSpace.of(
                Categorical.of("optimizer", "adam", "sgd"), FloatRange.uniform("momentum", 0, 1).when("optimizer", "lion")));
        assertTrue(e.getMessage().contains("lion"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FloatRange.logUniform("l2", 0, 1));
        assertTrue(e.getMessage().contains("'l2'") && e.getMessage().contains("low > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FloatRange.uniform("rate", 0.5, 0.5));
        assertTrue(e.getMessage().contains("'rate'"), e.getMessage());
        // choices that print alike would be one choice in the leaderboard, trials.csv and the journal
        e = assertThrows(IllegalArgumentException.class, () -> Categorical.of("rate", 0.5, "0.5"));
        assertTrue(e.getMessage().contains("'rate'") && e.getMessage().contains("'0.5' (a string)"), e.getMessage());
    }

    @Test
    void gridCombinesConditionalParametersOnlyWhereActive() {
        List<Configuration> grid = space.grid(3);
        // adam: 3 rates x 3 widths; sgd: 3 rates x 3 momenta x 3 widths
        assertEquals(9 + 27, grid.size());
        for (Configuration c : grid) {
            assertEquals(c, space.validate(c.values()));
        }
        assertEquals(List.of(32, 181, 1024), IntegerRange.logUniform("width", 32, 1024).gridValues(3));
    }

    @Test
    void unitEncodingRoundTripsEveryKind() {
        Rng rng = new Rng(3);
        UnitEncoding encoding = new UnitEncoding(space);
        assertEquals(2 + 1 + 1 + 1, encoding.dimensions());
        for (int i = 0; i < 100; i++) {
            Configuration c = space.sample(rng);
            Configuration back = encoding.decode(encoding.encode(c));
            assertEquals(c.text("optimizer"), back.text("optimizer"));
            assertEquals(c.intValue("width"), back.intValue("width"));
            assertEquals(c.doubleValue("learning_rate"), back.doubleValue("learning_rate"), 1e-12);
            assertEquals(c.has("momentum"), back.has("momentum"));
        }
        assertFalse(encoding.decode(new double[] {1, 0, 0.5, 0.7, 0.5}).has("momentum"));
    }
}
