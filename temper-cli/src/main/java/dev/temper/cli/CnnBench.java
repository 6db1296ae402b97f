package dev.temper.cli;

import dev.temper.nn.Conv2d;
import dev.temper.nn.Dense;
import dev.temper.nn.Flatten;
import dev.temper.nn.MaxPool2d;
import dev.temper.nn.ReLU;
import dev.temper.nn.Reshape;
import dev.temper.nn.Sequential;
import dev.temper.tensor.Rng;
import java.util.List;

/**
 * The benchmark CNN of the issue: conv 5x5x32 'valid' + ReLU, max-pool 2, conv 5x5x64 'valid' + ReLU, max-pool 2,
 * flatten, dense 256 + ReLU, dense 10, on 28x28 grey images (the flat 784 pixels reshaped to [1, 28, 28]).
 */
final class CnnBench {
    private CnnBench() {}

    /**
     * The GEMMs of one training step at batch 128, in the shapes {@link dev.temper.autograd.Convolution2d} issues
     * (one GEMM per layer for the whole batch; the columns are [C*5*5, batch*outH*outW]): forward, kernel gradient
     * (each with the larger of patch and channel count as the GEMM's rows, see Convolution2d) and, except for the
     * first layer, whose input needs none, the column gradient; then the two dense layers.
     */
    static final List<GemmShape> SHAPES = List.of(
            new GemmShape("c1fwd", BenchCommand.BATCH * 24 * 24, 25, 32, true, true),
            new GemmShape("c1dK", 32, BenchCommand.BATCH * 24 * 24, 25, false, true),
            new GemmShape("c2fwd", 64, 800, BenchCommand.BATCH * 8 * 8, false, false),
            new GemmShape("c2dK", 800, BenchCommand.BATCH * 8 * 8, 64, false, true),
            new GemmShape("c2dcol", 800, 64, BenchCommand.BATCH * 8 * 8, true, false),
            new GemmShape("d1fwd", BenchCommand.BATCH, 1024, 256, false, false),
            new GemmShape("d1dW", 1024, BenchCommand.BATCH, 256, true, false),
            new GemmShape("d1dX", BenchCommand.BATCH, 256, 1024, false, true),
            new GemmShape("d2fwd", BenchCommand.BATCH, 256, 10, false, false),
            new GemmShape("d2dW", 256, BenchCommand.BATCH, 10, true, false),
            new GemmShape("d2dX", BenchCommand.BATCH, 10, 256, false, true));

    static Sequential model(Rng rng) {
        return new Sequential(new Reshape(1, 28, 28),
                new Conv2d(1, 32, 5, rng), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 64, 5, rng), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Dense(64 * 4 * 4, 256, rng), new ReLU(), new Dense(256, 10, rng));
    }
}
