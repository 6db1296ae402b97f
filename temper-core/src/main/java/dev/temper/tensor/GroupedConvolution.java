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
 *   <li>forward, small products ({@link #SINGLE_THREAD_GEMM}): {@code Y_n = K @ cols_n} for each image, images
 *       spread over the threads, written by GEMM straight into the NCHW output, which holds the bias beforehand
 *       (GEMM with beta 1), so no layout pass (the first layer's forward pass took 6 instead of 11 ms on one core);
 *       larger ones: {@code Y^T = cols^T @ K^T} for the group, the longer side as the GEMM's rows, then into NCHW
 *       with the bias;
 *   <li>kernel gradient: {@code dK += G @ cols^T}, accumulated over groups (GEMM with beta 1);
 *   <li>bias gradient: the sums of G's rows;
 *   <li>input gradient: {@code col2im(K^T @ G)}.
 * </ul>
 * Small products go image by image in backward too ({@link #backwardPerImage}), in parallel tasks with partial
 * gradients. The kernel gradient takes the transposed form {@code dK^T += cols @ G^T} when the patch is deeper than the
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

    /**
     * Images per parallel task in the image-by-image passes. Fixed, so that the partial gradients, and with them the
     * bits, do not depend on the thread count; small, so that the tasks balance over the threads, but not so small
     * that the tasks' buffers (allocated per task) cost more than their work.
     */
    static final int IMAGES_PER_TASK = 8;

    private GroupedConvolution() {}

    /** Whether products of this geometry go image by image ({@link #SINGLE_THREAD_GEMM}). */
    static boolean perImage(Conv2dGeometry g, int outChannels) {
        return (double) outChannels * g.patchSize() * g.outPositions() < SINGLE_THREAD_GEMM;
    }

    /** Images per group for {@code batch} images of geometry {@code g} (the benchmark states its GEMM shapes with it). */
    public static int groupSize(Conv2dGeometry g, int batch) {
        return Math.max(1, Math.min(batch, GROUP_COLUMN_ENTRIES / (g.patchSize() * g.outPositions())));
    }

    /** {@code y [N, OC, outH, outW]} for input {@code x}, kernel {@code [OC, C, kh, kw]} and {@code bias [OC]} (may be null). */
    public static Tensor forward(Tensor x, Tensor kernel, Tensor bias, Conv2dGeometry g) {
        return forward(x, kernel, bias, g, false);
    }

    /** As above, with {@code relu}: {@code max(y, 0)} ({@link Convolution} on the fused ReLU). */
    public static Tensor forward(Tensor x, Tensor kernel, Tensor bias, Conv2dGeometry g, boolean relu) {
        g.requireImages("conv2d", x);
        return forward(x, kernel, bias, g, groupSize(g, x.dim(0)), perImage(g, kernel.dim(0)), relu);
    }

    /**
     * {@link #forward(Tensor, Tensor, Tensor, Conv2dGeometry, boolean)} with {@code group} images per group and one
     * GEMM per image or per group (tests vary both).
     */
    static Tensor forward(Tensor x, Tensor kernel, Tensor bias, Conv2dGeometry g, int group, boolean perImage, boolean relu) {
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
        if (perImage) {
            if (b != null) {
                fillWithBias(y, b);
            }
            // Y_n [OC, L] = K @ cols_n, straight into the NCHW output on top of the bias; each task unfolds its own
            // images into its own buffer, which stays in cache for the GEMM that reads it
            Parallel.forRange(batch, IMAGES_PER_TASK, (n0, n1) -> {
                Tensor cols = Tensor.zeros(x.dtype(), g.patchSize() * positions);
                for (int n = n0; n < n1; n++) {
                    Im2Col.unfold(xc, n, 1, g, cols, positions);
                    gemm(false, false, outChannels, positions, g.patchSize(), k, 0, g.patchSize(), cols, 0, positions,
                            b == null ? 0 : 1, y, n * outChannels * positions, positions);
                    if (relu) {
                        reluInPlace(y, n * outChannels * positions, outChannels * positions);
                    }
                }
            });
            return y;
        }
        int ld = group * positions;
        Tensor cols = Tensor.zeros(x.dtype(), g.patchSize() * ld);
        Tensor product = Tensor.zeros(x.dtype(), ld * outChannels);
        for (int first = 0; first < batch; first += group) {
            int count = Math.min(group, batch - first);
            Im2Col.unfold(xc, first, count, g, cols, ld);
            // Y^T [count * L, OC] = cols^T @ K^T, then into NCHW with the bias
            gemm(true, true, count * positions, outChannels, g.patchSize(), cols, ld, k, g.patchSize(), 0, product, outChannels);
            ConvLayout.scatter(product, outChannels, true, first, count, b, y);
        }
        if (relu) {
            Parallel.forRange(batch, 1, (n0, n1) -> reluInPlace(y, n0 * outChannels * positions, (n1 - n0) * outChannels * positions));
        }
        return y;
    }

    /**
     * Convolution, ReLU and max pooling over {@code pool} (whose input is the convolution's output) as one pass,
     * image by image ({@link #perImage} geometries only): each image's convolution output lives only in its task's
     * buffer, where it is clipped at 0 and pooled, so the batch's unpooled output (the benchmark CNN's first layer:
     * 9.4 MB) is never written or read back. Returns the pooled {@code [N, OC, poolH, poolW]} and fills
     * {@code argmax} as {@link MaxPooling#forward} would for the unpooled output; the values are the same bits.
     */
    static Tensor forwardReluPool(Tensor x, Tensor kernel, Tensor bias, Conv2dGeometry g, Conv2dGeometry pool, int[] argmax) {
        requireKernel(kernel, g);
        int batch = x.dim(0);
        int outChannels = kernel.dim(0);
        int positions = g.outPositions();
        DType type = x.dtype();
        Tensor xc = x.contiguous();
        Tensor k = kernel.contiguous();
        Tensor b = bias == null ? null : bias.to(type).contiguous();
        Tensor pooled = Tensor.zeros(type, batch, outChannels, pool.outHeight(), pool.outWidth());
        Parallel.forRange(batch, IMAGES_PER_TASK, (n0, n1) -> {
            Tensor cols = Tensor.zeros(type, g.patchSize() * positions);
            Tensor y = Tensor.zeros(type, outChannels * positions);
            for (int n = n0; n < n1; n++) {
                if (b != null) {
                    for (int o = 0; o < outChannels; o++) {
                        fill(y, o * positions, positions, b.getFlat(o));
                    }
                }
                Im2Col.unfold(xc, n, 1, g, cols, positions);
                gemm(false, false, outChannels, positions, g.patchSize(), k, 0, g.patchSize(), cols, 0, positions,
                        b == null ? 0 : 1, y, 0, positions);
                reluInPlace(y, 0, outChannels * positions);
                MaxPooling.poolPlanes(y, -n * outChannels * positions, pooled, argmax, n * outChannels, (n + 1) * outChannels, pool);
            }
        });
        return pooled;
    }

    private static void fill(Tensor t, int start, int length, double value) {
        if (t.dtype() == DType.FLOAT32) {
            java.util.Arrays.fill(t.floatData(), t.offset() + start, t.offset() + start + length, (float) value);
        } else {
            java.util.Arrays.fill(t.doubleData(), t.offset() + start, t.offset() + start + length, value);
        }
    }

    /**
     * The gradients of {@link #forwardReluPool} for the pooled output's gradient {@code gradPooled}, given the pooled
     * output and its argmax: per image, the pooled gradient is routed to the window maxima that are above 0 (max
     * pooling's and ReLU's gradients), in the task's buffer, and that buffer is the convolution's output gradient.
     */
    static Convolution.Gradients backwardReluPool(Tensor x, Tensor kernel, Tensor gradPooled, Tensor pooledOutput, int[] argmax,
                                                  Conv2dGeometry g, Conv2dGeometry pool,
                                                  boolean wantInput, boolean wantKernel, boolean wantBias) {
        requireKernel(kernel, g);
        DType type = x.dtype();
        Pooled source = new Pooled(gradPooled.to(type).contiguous(), pooledOutput.to(type).contiguous(), argmax,
                kernel.dim(0) * pool.outPositions());
        return backwardPerImage(x.contiguous(), kernel.contiguous(), null, null, source, g, wantInput, wantKernel, wantBias);
    }

    /** The output gradient of {@link #backwardReluPool}, kept pooled: each image's share is scattered in its task. */
    private record Pooled(Tensor gradient, Tensor output, int[] argmax, int perImage) {
        /** {@code into = 0}, then each pooled gradient of image {@code n} added at its argmax where the pooled output is above 0. */
        void scatter(int n, int imageSize, Tensor into) {
            MaxPooling.backwardAboveZero(gradient, output, argmax, n * perImage, perImage, n * imageSize, into, imageSize);
        }
    }

    /** {@code max(v, 0)} in place for {@code length} values of the contiguous {@code t} from element {@code start}. */
    private static void reluInPlace(Tensor t, int start, int length) {
        int from = t.offset() + start;
        if (t.dtype() == DType.FLOAT32) {
            float[] v = t.floatData();
            for (int i = from; i < from + length; i++) {
                v[i] = Math.max(v[i], 0f);
            }
        } else {
            double[] v = t.doubleData();
            for (int i = from; i < from + length; i++) {
                v[i] = Math.max(v[i], 0);
            }
        }
    }

    /**
     * The gradients of the convolution at input {@code x} and {@code kernel} for the output gradient
     * {@code gradOutput [N, OC, outH, outW]}; each flag says whether that gradient is wanted.
     */
    public static Convolution.Gradients backward(Tensor x, Tensor kernel, Tensor gradOutput, Conv2dGeometry g,
                                     boolean wantInput, boolean wantKernel, boolean wantBias) {
        return backward(x, kernel, gradOutput, null, g, wantInput, wantKernel, wantBias);
    }

    /**
     * As above for the convolution with a fused ReLU whose output was {@code reluOutput} (contiguous, the type of
     * {@code x}; null for a plain convolution): the output gradient counts only where that output is above 0.
     */
    public static Convolution.Gradients backward(Tensor x, Tensor kernel, Tensor gradOutput, Tensor reluOutput, Conv2dGeometry g,
                                                 boolean wantInput, boolean wantKernel, boolean wantBias) {
        g.requireImages("conv2d backward", x);
        boolean perImage = perImage(g, kernel.dim(0));
        return backward(x, kernel, gradOutput, reluOutput, g, wantInput, wantKernel, wantBias, groupSize(g, x.dim(0)), perImage);
    }

    /**
     * {@link #backward(Tensor, Tensor, Tensor, Conv2dGeometry, boolean, boolean, boolean)} with {@code group} images
     * per group, or image by image (tests vary both).
     */
    static Convolution.Gradients backward(Tensor x, Tensor kernel, Tensor gradOutput, Tensor reluOutput, Conv2dGeometry g,
                              boolean wantInput, boolean wantKernel, boolean wantBias, int group, boolean perImage) {
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
        if (perImage) {
            return backwardPerImage(xc, k, grad, reluOutput, null, g, wantInput, wantKernel, wantBias);
        }
        if (reluOutput != null) { // the large-product path masks the whole gradient first
            grad = grad.keepWherePositive(reluOutput);
        }
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
        return new Convolution.Gradients(dx, kernelGrad, biasGrad);
    }

    /**
     * The backward pass image by image, for products too small to split ({@link #SINGLE_THREAD_GEMM}): a task of
     * {@link #IMAGES_PER_TASK} images unfolds each image into its own buffer, adds {@code G_n @ cols_n^T} (or its
     * transpose, see the class comment) to its own partial kernel gradient and {@code G_n}'s row sums to its own
     * partial bias gradient, and folds {@code K^T @ G_n} into the image's input gradient. {@code G_n} is image
     * {@code n}'s slice of the NCHW output gradient as it stands, so nothing is gathered. The partials are added in
     * task order: the bits do not depend on the thread count.
     *
     * <p>Why: the first layer of the benchmark CNN (1 -> 32 channels, 28x28) has a kernel gradient of only 32 x 25,
     * which no split of C can share between threads, so as one GEMM per group it ran on one core (3.5 ms a step).
     */
    private static Convolution.Gradients backwardPerImage(Tensor xc, Tensor k, Tensor grad, Tensor reluOutput, Pooled pooled,
                                                          Conv2dGeometry g, boolean wantInput, boolean wantKernel, boolean wantBias) {
        DType type = xc.dtype();
        int batch = xc.dim(0);
        int outChannels = k.dim(0);
        int patch = g.patchSize();
        int positions = g.outPositions();
        boolean shallow = patch < outChannels;
        int tasks = Parallel.chunkCount(batch, IMAGES_PER_TASK);
        Tensor[] kernelParts = new Tensor[tasks];
        double[][] biasParts = new double[tasks][];
        Tensor dx = wantInput ? Tensor.zeros(type, batch, g.channels(), g.height(), g.width()) : null;
        Parallel.forChunks(batch, IMAGES_PER_TASK, (task, n0, n1) -> {
            Tensor cols = wantKernel ? Tensor.zeros(type, patch * positions) : null;
            Tensor dcols = wantInput ? Tensor.zeros(type, patch * positions) : null;
            Tensor dk = wantKernel ? Tensor.zeros(type, outChannels * patch) : null;
            double[] sums = wantBias ? new double[outChannels] : null;
            Tensor masked = reluOutput == null && pooled == null ? null : Tensor.zeros(type, outChannels * positions);
            for (int n = n0; n < n1; n++) {
                int at = n * outChannels * positions; // G_n [OC, L] in the output gradient
                Tensor gn = grad;
                if (pooled != null) { // G_n from the pooled gradient, in the task's own buffer
                    pooled.scatter(n, outChannels * positions, masked);
                    gn = masked;
                    at = 0;
                } else if (masked != null) { // G_n where the ReLU's output is above 0, in the task's own buffer
                    maskImage(grad, reluOutput, at, masked);
                    gn = masked;
                    at = 0;
                }
                if (wantKernel) {
                    Im2Col.unfold(xc, n, 1, g, cols, positions);
                    double beta = n == n0 ? 0 : 1;
                    if (shallow) { // dK [OC, patch] += G_n @ cols_n^T
                        gemm(false, true, outChannels, patch, positions, gn, at, positions, cols, 0, positions, beta, dk, 0, patch);
                    } else { // dK^T [patch, OC] += cols_n @ G_n^T
                        gemm(false, true, patch, outChannels, positions, cols, 0, positions, gn, at, positions, beta, dk, 0, outChannels);
                    }
                }
                if (wantBias) {
                    for (int o = 0; o < outChannels; o++) {
                        sums[o] += planeSum(gn, at + o * positions, positions);
                    }
                }
                if (wantInput) { // dcols_n [patch, L] = K^T @ G_n, folded into image n
                    gemm(true, false, patch, positions, outChannels, k, 0, patch, gn, at, positions, 0, dcols, 0, positions);
                    Im2Col.fold(dcols, positions, n, 1, g, dx);
                }
            }
            kernelParts[task] = dk;
            biasParts[task] = sums;
        });
        Tensor kernelGrad = null;
        if (wantKernel) {
            Tensor dk = kernelParts[0];
            for (int t = 1; t < tasks; t++) {
                dk = dk.add(kernelParts[t]);
            }
            Tensor asMatrix = shallow ? dk.reshape(outChannels, patch) : dk.reshape(patch, outChannels).transpose();
            kernelGrad = asMatrix.contiguous().reshape(k.dims());
        }
        Tensor biasGrad = null;
        if (wantBias) {
            biasGrad = Tensor.zeros(type, outChannels);
            for (int o = 0; o < outChannels; o++) {
                double sum = 0;
                for (double[] part : biasParts) {
                    sum += part[o];
                }
                biasGrad.setFlatContiguous(o, sum);
            }
        }
        return new Convolution.Gradients(dx, kernelGrad, biasGrad);
    }

    /** {@code into[i] = grad[at + i]} where {@code reluOutput[at + i] > 0}, else 0, for one image's {@code into.size()} values. */
    private static void maskImage(Tensor grad, Tensor reluOutput, int at, Tensor into) {
        int length = into.size();
        int g0 = grad.offset() + at;
        int m0 = reluOutput.offset() + at;
        if (into.dtype() == DType.FLOAT32) {
            float[] g = grad.floatData();
            float[] m = reluOutput.floatData();
            float[] out = into.floatData();
            for (int i = 0; i < length; i++) {
                out[i] = Elementwise.keepWherePositive(g[g0 + i], m[m0 + i]);
            }
        } else {
            double[] g = grad.doubleData();
            double[] m = reluOutput.doubleData();
            double[] out = into.doubleData();
            for (int i = 0; i < length; i++) {
                out[i] = Elementwise.keepWherePositive(g[g0 + i], m[m0 + i]);
            }
        }
    }

    /** The sum, in double, of {@code length} values of the contiguous {@code t} from element {@code start}. */
    private static double planeSum(Tensor t, int start, int length) {
        double sum = 0;
        int from = t.offset() + start;
        if (t.dtype() == DType.FLOAT32) {
            float[] v = t.floatData();
            for (int i = from; i < from + length; i++) {
                sum += v[i];
            }
        } else {
            double[] v = t.doubleData();
            for (int i = from; i < from + length; i++) {
                sum += v[i];
            }
        }
        return sum;
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

    static void requireKernel(Tensor k, Conv2dGeometry g) {
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
