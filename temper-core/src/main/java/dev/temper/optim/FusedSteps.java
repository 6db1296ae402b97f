package dev.temper.optim;

import dev.temper.tensor.Parallel;
import java.util.Arrays;

/**
 * The fused steps of one optimizer step ({@link GradientTransform#inPlaceStep}), run as a single parallel loop.
 *
 * <p>Why one loop: run one by one, each parameter's pass waits at its end for the kernel threads, and a parameter
 * smaller than a chunk (a bias) runs alone on the calling thread while the others idle, long enough for them to
 * park. The benchmark MLP's six parameters took two parallel loops and four serial ones a step; now one loop of 25
 * chunks. Chunks are {@link #GRAIN} elements of one parameter, never two, so the work of each element (and so
 * the bits) does not depend on the split.
 */
final class FusedSteps {
    /** Elements per chunk: the grain the parameters' loops had when each ran on its own. */
    static final int GRAIN = 1 << 15;

    private Parallel.RangeBody[] bodies = new Parallel.RangeBody[8];
    private int[] sizes = new int[8];
    private Object[] targets = new Object[8];
    private int count;

    /**
     * Queues {@code body} over {@code 0..size} for {@link #run()}. {@code target} is the storage the body writes (the
     * parameter's array): a second body for storage already queued (one parameter under two paths) first runs the
     * queue, so that the two never run side by side and update it in the order given.
     */
    void add(Parallel.RangeBody body, int size, Object target) {
        for (int j = 0; j < count; j++) {
            if (targets[j] == target) {
                run();
                break;
            }
        }
        if (count == bodies.length) {
            bodies = Arrays.copyOf(bodies, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
            targets = Arrays.copyOf(targets, count * 2);
        }
        bodies[count] = body;
        sizes[count] = size;
        targets[count] = target;
        count++;
    }

    /** Runs every queued loop and empties the queue. */
    void run() {
        if (count == 0) {
            return;
        }
        try {
            runQueued();
        } finally {
            Arrays.fill(bodies, 0, count, null);
            Arrays.fill(targets, 0, count, null);
            count = 0;
        }
    }

    private void runQueued() {
        // firstChunk[j]: the number of the first chunk of loop j; the last entry is the total
        int[] firstChunk = new int[count + 1];
        for (int j = 0; j < count; j++) {
            firstChunk[j + 1] = firstChunk[j] + Parallel.chunkCount(sizes[j], GRAIN);
        }
        Parallel.RangeBody[] loops = bodies;
        int[] extents = sizes;
        int loopCount = count;
        Parallel.forChunks(firstChunk[loopCount], 1, (chunk, unusedStart, unusedEnd) -> {
            int j = Arrays.binarySearch(firstChunk, 0, loopCount, chunk);
            if (j < 0) {
                j = -j - 2; // the loop whose first chunk is the largest one not above this chunk
            }
            while (j + 1 < loopCount && firstChunk[j + 1] == chunk) {
                j++; // loops of no elements share their first chunk number with the next loop
            }
            int start = (chunk - firstChunk[j]) * GRAIN;
            loops[j].run(start, Math.min(extents[j], start + GRAIN));
        });
    }
}
