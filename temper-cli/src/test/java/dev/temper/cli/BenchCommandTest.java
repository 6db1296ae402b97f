package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The parts of {@code temper bench} that need no timing run: argument checks and the CNN's shapes. */
class BenchCommandTest {

    @Test
    void onlyRejectsAnUnknownPartAndNamesTheChoices() {
        CliRunner r = CliRunner.run("bench", "--only", "rnn");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().contains("--only") && r.err().contains("gemm, mlp, cnn") && r.err().contains("rnn"), r.err());
    }

    @Test
    void benchmarkCnnMapsFlatImagesToTenClasses() {
        var model = CnnBench.model(new dev.temper.tensor.Rng(1));
        assertEquals(dev.temper.tensor.Shape.of(10), model.outputShape(dev.temper.tensor.Shape.of(784)));
        // 2 * m * n * k summed over the conv GEMMs of one batch, however they are split into per-image, per-row and
        // per-tap calls: forward and kernel gradient of both layers and the input gradient of the second, each
        // 2 * 32 * 25 * 73728 or 2 * 64 * 800 * 8192 FLOPs (the useful ones: no padding rows are computed)
        double conv = CnnBench.CALLS.subList(0, 5).stream().mapToDouble(c -> c.perStep() * c.shape().flops()).sum();
        assertEquals(2 * (2.0 * 32 * 25 * 73728) + 3 * (2.0 * 64 * 800 * 8192), conv, 1e-6 * conv);
    }
}
