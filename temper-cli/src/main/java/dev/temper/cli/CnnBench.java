package dev.temper.cli;

import dev.temper.data.Dataset;
import dev.temper.nn.Conv2d;
import dev.temper.nn.Dense;
import dev.temper.nn.Flatten;
import dev.temper.nn.MaxPool2d;
import dev.temper.nn.ReLU;
import dev.temper.nn.Reshape;
import dev.temper.nn.Sequential;
import dev.temper.tensor.Conv2dGeometry;
import dev.temper.tensor.Padding;
import dev.temper.tensor.Rng;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark CNN of the issue: conv 5x5x32 'valid' + ReLU, max-pool 2, conv 5x5x64 'valid' + ReLU, max-pool 2,
 * flatten, dense 256 + ReLU, dense 10, on 28x28 grey images (the flat 784 pixels reshaped to [1, 28, 28]),
 * standardized.
 */
final class CnnBench {
    private static final int BATCH = BenchCommand.BATCH;
    /**
     * One GEMM shape of a training step, how many times a step calls it, and whether the calls run one per thread
     * side by side (single-threaded GEMMs inside a parallel loop) rather than each split over the threads.
     */
    record Call(GemmShape shape, double perStep, boolean sideBySide) {}

    /**
     * The GEMMs of one training step at batch 128, as {@code dev.temper.tensor.Convolution} issues them. First layer
     * (one input channel: im2col, image by image, images spread over the threads): forward {@code K @ cols_n} and
     * kernel gradient {@code dK += G_n @ cols_n^T} per image; its input needs no gradient. Second layer (stride 1,
     * 32 -> 64 channels: shifted GEMMs on channels-last copies, output rows spread over the threads): forward one
     * {@code [8 * 128, 32] @ [32, 64]} per output row and tap (8 x 25), input gradient one {@code [8 * 128, 64] @
     * [64, 32]} per input row and tap that reaches an output (8 x 25), kernel gradient one {@code [160, 4 * 1024] @
     * [4 * 1024, 64]} per kernel row and half of the output rows (5 x 2). Then the two dense layers.
     */
    static final List<Call> CALLS = List.of(
            new Call(new GemmShape("c1fwd", 32, 25, 576, false, false), BATCH, true),
            new Call(new GemmShape("c1dK", 32, 576, 25, false, true), BATCH, true),
            new Call(new GemmShape("c2fwd", 8 * BATCH, 32, 64, false, false), 8 * 25, true),
            new Call(new GemmShape("c2dX", 8 * BATCH, 64, 32, false, true), 8 * 25, true),
            new Call(new GemmShape("c2dK", 5 * 32, 4 * 8 * BATCH, 64, true, false), 5 * 2, true),
            new Call(new GemmShape("d1fwd", BATCH, 1024, 256, false, false), 1, false),
            new Call(new GemmShape("d1dW", 1024, BATCH, 256, true, false), 1, false),
            new Call(new GemmShape("d1dX", BATCH, 256, 1024, false, true), 1, false),
            new Call(new GemmShape("d2fwd", BATCH, 256, 10, false, false), 1, false),
            new Call(new GemmShape("d2dW", 256, BATCH, 10, true, false), 1, false),
            new Call(new GemmShape("d2dX", BATCH, 10, 256, false, true), 1, false));

    /** The distinct shapes, for timing. */
    static final List<GemmShape> SHAPES = CALLS.stream().map(Call::shape).toList();

    /** The shapes whose calls run side by side, timed that way. */
    static final Set<GemmShape> SIDE_BY_SIDE = CALLS.stream().filter(Call::sideBySide).map(Call::shape).collect(Collectors.toSet());

    private CnnBench() {}

    /**
     * Seconds of GEMM in one epoch of {@code examples} at the measured rates (GFLOP/s by shape; the side-by-side
     * calls timed side by side, {@link GemmTimer#gflopsSideBySide}).
     */
    static double limitSeconds(Map<GemmShape, Double> rates, int examples) {
        double step = 0;
        for (Call c : CALLS) {
            step += c.perStep() * c.shape().flops() / (rates.get(c.shape()) * 1e9);
        }
        return step * examples / BATCH;
    }

    /**
     * Standardizes both sets, in place, with the training set's pixel mean and standard deviation (one of each over
     * all pixels), as PyTorch's Fashion-MNIST examples do with {@code Normalize((0.2860,), (0.3530,))}. Why: on
     * pixels in [0, 1] (mean 0.29) this CNN reached 89.3% test accuracy after 3 epochs, standardized 90.1-90.8% over
     * three seeds (BENCHMARKS.md). The statistics come from the training images only, so nothing of the test set
     * leaks; in place, because a copy of the training images would add 188 MB to the peak memory measured.
     */
    static void standardizeInPlace(Dataset train, Dataset test) {
        float[] pixels = contiguous(train);
        double sum = 0;
        for (float p : pixels) {
            sum += p;
        }
        double mean = sum / pixels.length;
        double squares = 0;
        for (float p : pixels) {
            squares += (p - mean) * (p - mean);
        }
        double std = Math.sqrt(squares / pixels.length);
        for (Dataset d : new Dataset[] {train, test}) {
            float[] values = contiguous(d);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((values[i] - mean) / std);
            }
        }
    }

    private static float[] contiguous(Dataset data) {
        float[] values = data.features().floatData();
        if (data.features().offset() != 0 || values.length != data.features().size()) {
            throw new IllegalArgumentException("CnnBench: the features must own their whole array");
        }
        return values;
    }

    static Sequential model(Rng rng) {
        return new Sequential(new Reshape(1, 28, 28),
                new Conv2d(1, 32, 5, rng), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 64, 5, rng), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Dense(64 * 4 * 4, 256, rng), new ReLU(), new Dense(256, 10, rng));
    }
}
