package dev.temper.tensor;

import java.util.Arrays;

/**
 * Stride-1 convolution in float32 without im2col: one GEMM per kernel tap and output row, on a channels-last copy of
 * the batch in which that tap's inputs already lie as a contiguous matrix.
 *
 * <p>Layout: {@code X [H, W, N, C]} (position-major, then image, then channel), so the rows {@code (w, n)} of input
 * row {@code h} are one contiguous {@code [W * N, C]} block. With stride 1, output row {@code oy} reads, for tap
 * {@code (i, j)}, input row {@code h = oy - padTop + i * dilationH} at columns {@code ox - padLeft + j * dilationW}:
 * for all images and the output columns whose tap lies inside the image, a contiguous block of {@code X}'s rows. So
 * with {@code K_ij [C, OC]} the tap's slice of the kernel, output {@code Y [OH, OW, N, OC]} is
 * <ul>
 *   <li>forward: {@code Y[oy, ox-range] += X[h, shifted ox-range] @ K_ij}, one GEMM per (oy, tap), parallel over
 *       output rows;
 *   <li>input gradient: {@code dX[h, w-range] += dY[oy, shifted w-range] @ K_ij^T}, one GEMM per (h, tap),
 *       parallel over input rows;
 *   <li>kernel gradient: the taps of one kernel row {@code i} share their GEMM: a partial unfold
 *       {@code U [H, OW, N, kw * C]} (each input row's {@code kw} column shifts side by side; a copy of 32-float
 *       channel runs, not of the 8-float image rows that im2col copies) gives
 *       {@code dK_i [kw * C, OC] += U[rows of i]^T @ dY}, {@code kh} GEMMs of depth {@code OW * N} per chunk of
 *       output rows.
 * </ul>
 *
 * <p>Why: for the benchmark CNN's second layer (32 -> 64 channels, 12x12 -> 8x8, batch 128) im2col copied 6.5
 * million column entries in rows of 8 floats three times a step (twice unfolding, once folding back); here the
 * layout changes move 0.5 million floats each and the GEMMs do the same useful FLOPs (no padding rows). Measured
 * on the 2-core Zen 5, 2026-12-02 (medians, +-30% between runs): forward 3.7-5.3 ms against 9.5-9.7 with im2col,
 * backward 9.2-14 ms against 17.5-17.8. The kernel gradient's partial unfold beats one GEMM per tap: those have
 * only 32 x 64 outputs and ran at 116 GFLOP/s, the unfolded {@code [160, 4096] x [4096, 64]} ones at 210.
 *
 * <p>Deterministic for any thread count: every output element of a GEMM sums its taps in a fixed order, each
 * parallel task owns disjoint output rows, and the kernel gradient's chunks of output rows do not depend on the
 * thread count and are added in order.
 */
final class ShiftedConvolution {
    /**
     * Below this many input or output channels the GEMMs are too thin (their depth is the channel count) and im2col,
     * whose depth is {@code C * kh * kw}, is faster.
     */
    static final int MIN_CHANNELS = 16;
    /** Below this many rows per GEMM ({@code outWidth * batch}) each call is too small to run at speed. */
    static final int MIN_ROWS = 64;
    /** At most this many floats of partial unfold per chunk of the kernel gradient (16 MB). */
    static final int UNFOLD_CHUNK_FLOATS = 1 << 22;

    /** {@link Scratch} purposes: the channels-last copies and the partial unfold, reused from call to call. */
    private static final String INPUT_ROWS = "shifted conv: input rows";
    private static final String OUTPUT_ROWS = "shifted conv: output rows";
    private static final String INPUT_GRADIENT_ROWS = "shifted conv: input gradient rows";
    private static final String UNFOLDED = "shifted conv: unfolded input rows";

    private ShiftedConvolution() {}

    /** Whether this formulation applies to, and is the faster one for, a batch of this geometry and type. */
    static boolean suits(Conv2dGeometry g, int batch, int outChannels, DType type) {
        return type == DType.FLOAT32 && g.strideHeight() == 1 && g.strideWidth() == 1
                && g.channels() >= MIN_CHANNELS && outChannels >= MIN_CHANNELS && (long) g.outWidth() * batch >= MIN_ROWS;
    }

    /**
     * {@code y [N, OC, OH, OW]} for {@code x [N, C, H, W]}, {@code kernel [OC, C, kh, kw]} and {@code bias} (may be
     * null); with {@code relu}, {@code max(y, 0)}, applied as the output is moved to NCHW.
     */
    static Tensor forward(Tensor x, Tensor kernel, Tensor bias, Conv2dGeometry g, boolean relu) {
        float[] output = outputRows(x, kernel, g);
        Tensor b = bias == null ? null : bias.to(DType.FLOAT32).contiguous();
        return ChannelsLast.toImages(output, x.dim(0), kernel.dim(0), g.outHeight(), g.outWidth(), b, relu);
    }

    /** The convolution's output rows {@code [OH * OW, N, OC]}, without bias, in this thread's {@link Scratch} array. */
    private static float[] outputRows(Tensor x, Tensor kernel, Conv2dGeometry g) {
        int batch = x.dim(0);
        int channels = g.channels();
        int outChannels = kernel.dim(0);
        int outWidth = g.outWidth();
        float[] input = ChannelsLast.fromImages(x.contiguous(), INPUT_ROWS);
        float[] taps = tapMatrices(kernel.contiguous(), g);
        int outputFloats = g.outPositions() * batch * outChannels;
        float[] output = Scratch.floats(OUTPUT_ROWS, outputFloats);
        Arrays.fill(output, 0, outputFloats, 0f); // the GEMMs add into it
        Blas blas = Backend.blas();
        Parallel.forRange(g.outHeight(), 1, (oy0, oy1) -> {
            for (int oy = oy0; oy < oy1; oy++) {
                for (int i = 0; i < g.kernelHeight(); i++) {
                    int h = oy - g.padTop() + i * g.dilationHeight();
                    if (h < 0 || h >= g.height()) {
                        continue;
                    }
                    for (int j = 0; j < g.kernelWidth(); j++) {
                        int shift = j * g.dilationWidth() - g.padLeft(); // input column = ox + shift
                        int lo = Math.max(0, -shift);
                        int hi = Math.min(outWidth, g.width() - shift);
                        if (lo >= hi) {
                            continue;
                        }
                        blas.sgemm(false, false, (hi - lo) * batch, outChannels, channels,
                                1f, input, ((h * g.width() + lo + shift) * batch) * channels, channels,
                                taps, (i * g.kernelWidth() + j) * channels * outChannels, outChannels,
                                1f, output, ((oy * outWidth + lo) * batch) * outChannels, outChannels);
                    }
                }
            }
        });
        return output;
    }

    /**
     * Convolution, ReLU and max pooling over {@code pool} in one op: the output rows are pooled as they are moved to
     * NCHW ({@link ChannelsLast#toPooledImages}). Returns {@code [N, OC, poolH, poolW]} and fills {@code argmax} as
     * {@link MaxPooling#forward} would for the unpooled output.
     */
    static Tensor forwardReluPool(Tensor x, Tensor kernel, Tensor bias, Conv2dGeometry g, Conv2dGeometry pool, int[] argmax) {
        int batch = x.dim(0);
        int outChannels = kernel.dim(0);
        float[] output = outputRows(x, kernel, g);
        Tensor b = bias == null ? null : bias.to(DType.FLOAT32).contiguous();
        Tensor pooled = Tensor.zeros(DType.FLOAT32, batch, outChannels, pool.outHeight(), pool.outWidth());
        ChannelsLast.toPooledImages(output, batch, outChannels, g.outHeight(), g.outWidth(), b, pool, pooled, argmax);
        return pooled;
    }

    /** The gradients of {@link #forwardReluPool} for {@code gradPooled}, the gradient of its output {@code pooledOutput}. */
    static Convolution.Gradients backwardReluPool(Tensor x, Tensor kernel, Tensor gradPooled, Tensor pooledOutput, int[] argmax,
                                                  Conv2dGeometry g, boolean wantInput, boolean wantKernel, boolean wantBias) {
        int batch = x.dim(0);
        int outChannels = kernel.dim(0);
        double[] planeSums = wantBias ? new double[batch * outChannels] : null;
        float[] gradRows = ChannelsLast.fromPooledGradient(gradPooled.to(DType.FLOAT32).contiguous(),
                pooledOutput.to(DType.FLOAT32).contiguous(), argmax, batch, outChannels, g.outHeight(), g.outWidth(), planeSums,
                OUTPUT_ROWS);
        return gradients(x, kernel, gradRows, planeSums, g, wantInput, wantKernel, wantBias, UNFOLD_CHUNK_FLOATS);
    }

    /**
     * The gradients for output gradient {@code gradOutput [N, OC, OH, OW]}, masked where {@code reluOutput} (the
     * contiguous output of a forward pass with ReLU; null for none) is not above 0; each flag says whether one is wanted.
     */
    static Convolution.Gradients backward(Tensor x, Tensor kernel, Tensor gradOutput, Tensor reluOutput, Conv2dGeometry g,
                                          boolean wantInput, boolean wantKernel, boolean wantBias) {
        return backward(x, kernel, gradOutput, reluOutput, g, wantInput, wantKernel, wantBias, UNFOLD_CHUNK_FLOATS);
    }

    /** As above, with at most {@code unfoldChunkFloats} of partial unfold per chunk (tests force many chunks). */
    static Convolution.Gradients backward(Tensor x, Tensor kernel, Tensor gradOutput, Tensor reluOutput, Conv2dGeometry g,
                                          boolean wantInput, boolean wantKernel, boolean wantBias, int unfoldChunkFloats) {
        int batch = x.dim(0);
        int outChannels = kernel.dim(0);
        Tensor grad = gradOutput.to(DType.FLOAT32).contiguous();
        double[] planeSums = wantBias ? new double[batch * outChannels] : null;
        float[] gradRows = ChannelsLast.fromGradient(grad, reluOutput, planeSums, OUTPUT_ROWS);
        return gradients(x, kernel, gradRows, planeSums, g, wantInput, wantKernel, wantBias, unfoldChunkFloats);
    }

    /** The gradients from the output gradient's rows {@code [OH * OW, N, OC]} and its per-image channel sums. */
    private static Convolution.Gradients gradients(Tensor x, Tensor kernel, float[] gradRows, double[] planeSums, Conv2dGeometry g,
                                                   boolean wantInput, boolean wantKernel, boolean wantBias, int unfoldChunkFloats) {
        int batch = x.dim(0);
        int outChannels = kernel.dim(0);
        Tensor dx = wantInput ? inputGradient(gradRows, tapMatrices(kernel.contiguous(), g), batch, outChannels, g) : null;
        Tensor dk = wantKernel
                ? kernelGradient(ChannelsLast.fromImages(x.contiguous(), INPUT_ROWS), gradRows, batch, outChannels, g, unfoldChunkFloats)
                : null;
        Tensor db = wantBias ? ChannelsLast.channelSums(planeSums, batch, outChannels) : null;
        return new Convolution.Gradients(dx, dk, db);
    }

    private static Tensor inputGradient(float[] gradRows, float[] taps, int batch, int outChannels, Conv2dGeometry g) {
        int channels = g.channels();
        int width = g.width();
        int inputFloats = g.height() * width * batch * channels;
        float[] dx = Scratch.floats(INPUT_GRADIENT_ROWS, inputFloats);
        Arrays.fill(dx, 0, inputFloats, 0f); // the GEMMs add into it
        Blas blas = Backend.blas();
        Parallel.forRange(g.height(), 1, (h0, h1) -> {
            for (int h = h0; h < h1; h++) {
                for (int i = 0; i < g.kernelHeight(); i++) {
                    int oy = h + g.padTop() - i * g.dilationHeight();
                    if (oy < 0 || oy >= g.outHeight()) {
                        continue;
                    }
                    for (int j = 0; j < g.kernelWidth(); j++) {
                        int shift = j * g.dilationWidth() - g.padLeft(); // input column w = ox + shift
                        int lo = Math.max(0, shift);
                        int hi = Math.min(width, g.outWidth() + shift);
                        if (lo >= hi) {
                            continue;
                        }
                        blas.sgemm(false, true, (hi - lo) * batch, channels, outChannels,
                                1f, gradRows, ((oy * g.outWidth() + lo - shift) * batch) * outChannels, outChannels,
                                taps, (i * g.kernelWidth() + j) * channels * outChannels, outChannels,
                                1f, dx, ((h * width + lo) * batch) * channels, channels);
                    }
                }
            }
        });
        return ChannelsLast.toImages(dx, batch, channels, g.height(), width, null);
    }

    /**
     * {@code dK} summed over chunks of output rows: each chunk unfolds the input rows it reads and accumulates its
     * own partial {@code [kh, kw * C, OC]}; the partials are added in chunk order.
     */
    private static Tensor kernelGradient(float[] input, float[] gradRows, int batch, int outChannels, Conv2dGeometry g,
                                         int unfoldChunkFloats) {
        int channels = g.channels();
        int rowWidth = g.kernelWidth() * channels; // one row of U: the kw shifted channel vectors side by side
        int rowsPerOutputRow = g.outWidth() * batch;
        int span = (g.kernelHeight() - 1) * g.dilationHeight(); // input rows one output row reaches beyond its first
        int outputRows = chunkRows(g.outHeight(), span, (long) rowsPerOutputRow * rowWidth, unfoldChunkFloats);
        int chunks = (g.outHeight() + outputRows - 1) / outputRows;
        int tapFloats = g.kernelHeight() * rowWidth * outChannels;
        float[][] partial = new float[chunks][];
        Blas blas = Backend.blas();
        Parallel.forRange(chunks, 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                int oyLo = c * outputRows;
                int oyHi = Math.min(g.outHeight(), oyLo + outputRows);
                // the input rows read by output rows [oyLo, oyHi), clipped to the image
                int hLo = Math.max(0, oyLo - g.padTop());
                int hHi = Math.min(g.height(), oyHi - 1 - g.padTop() + span + 1);
                float[] unfolded = unfold(input, hLo, Math.max(hLo, hHi), batch, g);
                float[] sum = new float[tapFloats];
                for (int i = 0; i < g.kernelHeight(); i++) {
                    int offset = i * g.dilationHeight() - g.padTop(); // h = oy + offset
                    int lo = Math.max(oyLo, -offset);
                    int hi = Math.min(oyHi, g.height() - offset);
                    if (lo >= hi) {
                        continue;
                    }
                    blas.sgemm(true, false, rowWidth, outChannels, (hi - lo) * rowsPerOutputRow,
                            1f, unfolded, (lo + offset - hLo) * rowsPerOutputRow * rowWidth, rowWidth,
                            gradRows, lo * rowsPerOutputRow * outChannels, outChannels,
                            1f, sum, i * rowWidth * outChannels, outChannels);
                }
                partial[c] = sum;
            }
        });
        float[] total = partial[0];
        for (int c = 1; c < chunks; c++) {
            float[] add = partial[c];
            for (int e = 0; e < tapFloats; e++) {
                total[e] += add[e];
            }
        }
        return kernelFromTaps(total, outChannels, g);
    }

    /**
     * Output rows per chunk of the kernel gradient: half of them (two chunks, one per core on this machine, whatever
     * the thread count), fewer when a chunk's unfold would pass {@code limit} floats.
     */
    static int chunkRows(int outHeight, int span, long floatsPerInputRow, int limit) {
        int rows = Math.max(1, (outHeight + 1) / 2);
        while (rows > 1 && (rows + span) * floatsPerInputRow > limit) {
            rows = (rows + 1) / 2;
        }
        return rows;
    }

    /**
     * {@code U [hHi - hLo, OW, N, kw * C]}: for input rows {@code hLo .. hHi-1}, output column {@code ox} and image
     * {@code n}, the channel vectors at input columns {@code ox - padLeft + j * dilationW}, {@code j = 0 .. kw-1},
     * zero outside the image.
     */
    private static float[] unfold(float[] input, int hLo, int hHi, int batch, Conv2dGeometry g) {
        int channels = g.channels();
        int kw = g.kernelWidth();
        int outWidth = g.outWidth();
        int floats = (hHi - hLo) * outWidth * batch * kw * channels;
        float[] u = Scratch.floats(UNFOLDED, floats); // this worker thread's, one chunk at a time
        if (g.padLeft() > 0 || outWidth - 1 - g.padLeft() + (kw - 1) * g.dilationWidth() >= g.width()) {
            Arrays.fill(u, 0, floats, 0f); // the padding taps are not written
        }
        for (int h = hLo; h < hHi; h++) {
            for (int ox = 0; ox < outWidth; ox++) {
                for (int j = 0; j < kw; j++) {
                    int w = ox - g.padLeft() + j * g.dilationWidth();
                    if (w < 0 || w >= g.width()) {
                        continue; // padding: stays zero
                    }
                    int from = ((h * g.width() + w) * batch) * channels;
                    int to = (((h - hLo) * outWidth + ox) * batch * kw + j) * channels;
                    for (int n = 0; n < batch; n++) {
                        System.arraycopy(input, from + n * channels, u, to + n * kw * channels, channels);
                    }
                }
            }
        }
        return u;
    }

    /** {@code kernel [OC, C, kh, kw]} as the tap matrices {@code [kh, kw, C, OC]}. */
    private static float[] tapMatrices(Tensor kernel, Conv2dGeometry g) {
        int outChannels = kernel.dim(0);
        int channels = g.channels();
        int kh = g.kernelHeight();
        int kw = g.kernelWidth();
        float[] k = kernel.floatData();
        int at = kernel.offset();
        float[] taps = new float[kh * kw * channels * outChannels];
        // one task per tap, each writing its own [C, OC] matrix in order (the kernel is read with a stride)
        Parallel.forRange(kh * kw, 1, (t0, t1) -> {
            for (int t = t0; t < t1; t++) {
                for (int c = 0, to = t * channels * outChannels; c < channels; c++) {
                    for (int o = 0, from = at + (o * channels + c) * kh * kw + t; o < outChannels; o++, to++, from += channels * kh * kw) {
                        taps[to] = k[from];
                    }
                }
            }
        });
        return taps;
    }

    /** The inverse of {@link #tapMatrices}: {@code [kh, kw, C, OC]} as a kernel gradient {@code [OC, C, kh, kw]}. */
    private static Tensor kernelFromTaps(float[] taps, int outChannels, Conv2dGeometry g) {
        int channels = g.channels();
        int kh = g.kernelHeight();
        int kw = g.kernelWidth();
        float[] k = new float[taps.length];
        // one task per output channel, each writing its own [C, kh, kw] block in order
        Parallel.forRange(outChannels, 1, (o0, o1) -> {
            for (int o = o0; o < o1; o++) {
                for (int c = 0, to = o * channels * kh * kw; c < channels; c++) {
                    for (int t = 0; t < kh * kw; t++, to++) {
                        k[to] = taps[(t * channels + c) * outChannels + o];
                    }
                }
            }
        });
        return Tensor.wrap(k, outChannels, channels, kh, kw);
    }
}
