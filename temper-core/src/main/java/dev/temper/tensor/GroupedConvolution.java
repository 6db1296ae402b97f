package dev.temper.tensor;

/**
 * 2-D convolution of {@code x [N, C, H, W]} with {@code kernel [OC, C, kh, kw]} (cross-correlation, see
 * {@code dev.temper.autograd.Convolution2d} for the formula) as im2col plus GEMM, a few images at a time.
 *
 * <p>Why groups: a whole batch's columns are large (the second layer of the benchmark CNN: 800 x 8192 floats,
 * 26 MB), so im2col, GEMM and col2im each streamed them through main memory, col2im touched 800 rows 32 KB apart
 * for every image, and the one-row-per-output GEMM of the first layer (73728 x 25 x 32) ran at a third of the speed
 * of the same work in 4-image pieces (measured on one core: 24 against 65 GFLOP/s). A group's columns
 * ({@link #groupSize}) stay in cache from im2col through GEMM to col2im, and nothing of batch size is kept between
 * the passes: backward unfolds the input again, which costs less than keeping and rereading the columns.
 *
 * <p>Per group, with {@code cols [C*kh*kw, count*L]} ({@link Im2Col}), {@code K = kernel [OC, C*kh*kw]} and
 * {@code G [OC, count*L]} the group's output gradient:
 * <ul>
 *   <li>forward, small products ({@link #SINGLE_THREAD_GEMM}): {@code Y_n = K @ cols_n} for each image, written
 *       by GEMM straight into the NCHW output, which holds the bias beforehand (GEMM with beta 1), so no layout
 *       pass (the first layer's forward pass took 6 instead of 11 ms on one core); larger ones:
 *       {@code Y^T = cols^T @ K^T} for the group, the longer side as the GEMM's rows, then into NCHW with the bias;
 *   <li>kernel gradient: {@code dK += G @ cols^T}, accumulated over groups (GEMM with beta 1);
 *   <li>bias gradient: the sums of G's rows;
 *   <li>input gradient: {@code col2im(K^T @ G)}.
 * </ul>
 * The kernel gradient takes the transposed form {@code dK^T += cols @ G^T} when the patch is deeper than the
 * channel count, so that the longer side is the GEMM's rows, which OpenBLAS runs faster ({@code dK^T [800 x 64]}
 * against {@code dK [64 x 800]} for the second layer).
 *
 * <p>The group size depends only on the geometry and the batch, never on the thread count, and the groups are
 * processed in order: the Java kernels give the same bits for any thread count (GEMM's own bits may depend on
 * OpenBLAS's threads).
 */
public final class GroupedConvolution {
    /**
     * At most this many column entries per group (but at least one image): 36 images of the benchmark CNN's first
     * layer, 10 of its second (2 MB of float32 columns). On one core smaller groups were a little faster (2^17
     * entries: 84 ms per training step; 2^19: 90; 2^20: 107), but each group is a few parallel loops and GEMMs, and
     * with two threads on the loaded machine every one of those waits for the other thread to be scheduled: there
     * 2^19 took 316-355 ms per step against 395-594 for 2^17.
     */
    static final int GROUP_COLUMN_ENTRIES = 1 << 19;

    /**
     * Below this many multiply-adds OpenBLAS runs a GEMM on the calling thread alone (its threshold is 2^18 per
     * thread), so that per-image products wake no helper threads. Larger per-image products would: with two
     * threads on the loaded shared machine, 128 products of 64 x 800 x 64 took 0.8 s against 21 ms on one thread,
     * while the group's single {@code cols^T @ K^T} with the longer side as rows ran at full speed.
     */
    static final double SINGLE_THREAD_GEMM = 1 << 19;

    /** The gradients of one backward pass; null where not asked for. */
    public record Gradients(Tensor input, Tensor kernel, Tensor bias) {}

    private GroupedConvolution() {}

    /** Images per group for {@code batch} images of geometry {@code g} (the benchmark states its GEMM shapes with it). */
    public static int groupSize(Conv2dGeometry g, int batch) {
        return Math.max(1, Math.min(batch, GROUP_COLUMN_ENTRIES / (g.patchSize() * g.outPositions())));
    }

    /** {@code y [N, OC, outH, outW]} for input {@code x}, kernel {@code [OC, C, kh, kw]} and {@code bias [OC]} (may be null). */
    public static Tensor forward(Tensor x, Tensor kernel, Tensor bias, Conv2dGeometry g) {
        g.requireImages("conv2d", x);
        boolean perImage = (double) kernel.dim(0) * g.patchSize() * g.outPositions() < SINGLE_THREAD_GEMM;
        return forward(x, kernel, bias, g, groupSize(g, x.dim(0)), perImage);
    }

    /**
     * {@link #forward(Tensor, Tensor, Tensor, Conv2dGeometry)} with {@code group} images per group and one GEMM
     * per image or per group (tests vary both).
     */
    static Tensor forward(Tensor x, Tensor kernel, Tensor bias, Conv2dGeometry g, int group, boolean perImage) {
        g.requireImages("conv2d", x);
        requireKernel(kernel, g);
        Elementwise.requireSameType("conv2d", x, kernel);
        int batch = x.dim(0);
        int outChannels = kernel.dim(0);
        int positions = g.outPositions();
        Tensor xc = x.contiguous();
        Tensor k = kernel.contiguous();
        Tensor b = bias == null ? null : bias.to(x.dtype()).contiguous();
        Tensor y = Tensor.zeros(x.dtype(), batch, outChannels, g.outHeight(), g.outWidth());
        int ld = group * positions;
        Tensor cols = Tensor.zeros(x.dtype(), g.patchSize() * ld);
        Tensor product = perImage ? null : Tensor.zeros(x.dtype(), ld * outChannels);
        if (perImage && b != null) {
            fillWithBias(y, b);
        }
        for (int first = 0; first < batch; first += group) {
            int count = Math.min(group, batch - first);
            Im2Col.unfold(xc, first, count, g, cols, ld);
            if (perImage) { // Y_n [OC, L] = K @ cols_n, straight into the NCHW output on top of the bias
                for (int s = 0; s < count; s++) {
                    gemm(false, false, outChannels, positions, g.patchSize(), k, 0, g.patchSize(), cols, s * positions, ld,
                            b == null ? 0 : 1, y, (first + s) * outChannels * positions, positions);
                }
            } else { // Y^T [count * L, OC] = cols^T @ K^T, then into NCHW with the bias
                gemm(true, true, count * positions, outChannels, g.patchSize(), cols, ld, k, g.patchSize(), 0, product, outChannels);
                ConvLayout.scatter(product, outChannels, true, first, count, b, y);
            }
        }
        return y;
    }

    /**
     * The gradients of the convolution at input {@code x} and {@code kernel} for the output gradient
     * {@code gradOutput [N, OC, outH, outW]}; each flag says whether that gradient is wanted.
     */
    public static Gradients backward(Tensor x, Tensor kernel, Tensor gradOutput, Conv2dGeometry g,
                                     boolean wantInput, boolean wantKernel, boolean wantBias) {
        g.requireImages("conv2d backward", x);
        return backward(x, kernel, gradOutput, g, wantInput, wantKernel, wantBias, groupSize(g, x.dim(0)));
    }

    /** {@link #backward(Tensor, Tensor, Tensor, Conv2dGeometry, boolean, boolean, boolean)} with {@code group} images per group. */
    static Gradients backward(Tensor x, Tensor kernel, Tensor gradOutput, Conv2dGeometry g,
                              boolean wantInput, boolean wantKernel, boolean wantBias, int group) {
        g.requireImages("conv2d backward", x);
        requireKernel(kernel, g);
        int batch = x.dim(0);
        int outChannels = kernel.dim(0);
        int patch = g.patchSize();
        int positions = g.outPositions();
        if (gradOutput.rank() != 4 || gradOutput.dim(0) != batch || gradOutput.dim(1) != outChannels
                || gradOutput.dim(2) != g.outHeight() || gradOutput.dim(3) != g.outWidth()) {
            throw new IllegalArgumentException("conv2d backward: expected output gradient [" + batch + ", " + outChannels + ", "
                    + g.outHeight() + ", " + g.outWidth() + "], got " + gradOutput.shape());
        }
        DType type = x.dtype();
        Tensor xc = x.contiguous();
        Tensor k = kernel.contiguous();
        Tensor grad = gradOutput.to(type).contiguous();
        int ld = group * positions;
        Tensor rows = Tensor.zeros(type, outChannels * ld);
        Tensor cols = wantKernel ? Tensor.zeros(type, patch * ld) : null;
        Tensor dcols = wantInput ? Tensor.zeros(type, patch * ld) : null;
        boolean shallow = patch < outChannels;
        // dK^T [patch, OC] for the deep patch, dK [OC, patch] for the shallow one: the longer side as GEMM rows
        Tensor dk = wantKernel ? Tensor.zeros(type, outChannels * patch) : null;
        Tensor dx = wantInput ? Tensor.zeros(type, batch, g.channels(), g.height(), g.width()) : null;
        double[] sums = wantBias ? new double[group * outChannels] : null;
        double[] biasSum = wantBias ? new double[outChannels] : null;
        for (int first = 0; first < batch; first += group) {
            int count = Math.min(group, batch - first);
            int wide = count * positions;
            ConvLayout.gather(grad, first, count, rows, ld, sums);
            if (wantBias) {
                for (int s = 0; s < count; s++) {
                    for (int o = 0; o < outChannels; o++) {
                        biasSum[o] += sums[s * outChannels + o];
                    }
                }
            }
            double beta = first == 0 ? 0 : 1;
            if (wantKernel) {
                Im2Col.unfold(xc, first, count, g, cols, ld);
                if (shallow) { // dK [OC, patch] += G @ cols^T
                    gemm(false, true, outChannels, patch, wide, rows, ld, cols, ld, beta, dk, patch);
                } else { // dK^T [patch, OC] += cols @ G^T
                    gemm(false, true, patch, outChannels, wide, cols, ld, rows, ld, beta, dk, outChannels);
                }
            }
            if (wantInput) { // dcols [patch, wide] = K^T @ G
                gemm(true, false, patch, wide, outChannels, k, patch, rows, ld, 0, dcols, ld);
                Im2Col.fold(dcols, ld, first, count, g, dx);
            }
        }
        Tensor kernelGrad = null;
        if (wantKernel) {
            Tensor asMatrix = shallow ? dk.reshape(outChannels, patch) : dk.reshape(patch, outChannels).transpose();
            kernelGrad = asMatrix.contiguous().reshape(kernel.dims());
        }
        Tensor biasGrad = null;
        if (wantBias) {
            biasGrad = Tensor.zeros(type, outChannels);
            for (int o = 0; o < outChannels; o++) {
                biasGrad.setFlatContiguous(o, biasSum[o]);
            }
        }
        return new Gradients(dx, kernelGrad, biasGrad);
    }

    /** Each channel plane of every image set to that channel's bias. */
    private static void fillWithBias(Tensor y, Tensor bias) {
        int channels = y.dim(1);
        int positions = y.dim(2) * y.dim(3);
        Parallel.forRange(y.dim(0), 1, (n0, n1) -> {
            for (int n = n0; n < n1; n++) {
                for (int o = 0; o < channels; o++) {
                    int at = (n * channels + o) * positions;
                    if (y.dtype() == DType.FLOAT32) {
                        java.util.Arrays.fill(y.floatData(), at, at + positions, bias.floatData()[bias.offset() + o]);
                    } else {
                        java.util.Arrays.fill(y.doubleData(), at, at + positions, bias.doubleData()[bias.offset() + o]);
                    }
                }
            }
        });
    }

    private static void requireKernel(Tensor k, Conv2dGeometry g) {
        if (k.rank() != 4 || k.dim(1) != g.channels() || k.dim(2) != g.kernelHeight() || k.dim(3) != g.kernelWidth()) {
            throw new IllegalArgumentException("conv2d: expected kernel [outChannels, " + g.channels() + ", " + g.kernelHeight()
                    + ", " + g.kernelWidth() + "], got " + k.shape());
        }
    }

    /**
     * {@code C = op(A) @ op(B) + beta * C} on contiguous tensors read from their offsets, row-major with the given
     * leading dimensions; {@code op(A)} is {@code m x k}.
     */
    private static void gemm(boolean transA, boolean transB, int m, int n, int k, Tensor a, int lda, Tensor b, int ldb,
                             double beta, Tensor c, int ldc) {
        gemm(transA, transB, m, n, k, a, 0, lda, b, 0, ldb, beta, c, 0, ldc);
    }

    /** As above, each operand read from {@code offset()} plus the given element offset. */
    private static void gemm(boolean transA, boolean transB, int m, int n, int k, Tensor a, int aAt, int lda, Tensor b, int bAt,
                             int ldb, double beta, Tensor c, int cAt, int ldc) {
        Blas blas = Backend.blas();
        if (c.dtype() == DType.FLOAT32) {
            blas.sgemm(transA, transB, m, n, k, 1f, a.floatData(), a.offset() + aAt, lda, b.floatData(), b.offset() + bAt, ldb,
                    (float) beta, c.floatData(), c.offset() + cAt, ldc);
        } else {
            blas.dgemm(transA, transB, m, n, k, 1.0, a.doubleData(), a.offset() + aAt, lda, b.doubleData(), b.offset() + bAt,
                    ldb, beta, c.doubleData(), c.offset() + cAt, ldc);
        }
    }
}
