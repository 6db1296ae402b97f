package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TuneBenchCommandTest {

    @Test
    void oneStrategyOnOneFunctionPrintsItsRowAndEachSeedsCount() {
        CliRunner r = CliRunner.run("tune-bench", "--seeds", "2", "--functions", "branin", "--strategies", "gp", "--gp-cap", "40");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("| Branin | gp | "), r.out());
        assertTrue(!r.out().contains("Hartmann") && !r.out().contains("| random |"), r.out());
        assertTrue(r.out().matches("(?s).*evaluations by seed: \\[\\d+, \\d+\\].*"), r.out());
    }

    @Test
    void anUnknownStrategyIsAOneLineErrorListingTheKnownOnes() {
        CliRunner r = CliRunner.run("tune-bench", "--strategies", "tpe,bohb");
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("'bohb'") && r.err().contains("random, tpe, gp"), r.err());
    }
}
