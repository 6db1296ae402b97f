package dev.temper.tensor;

/**
 * Moves float32 image batches between NCHW ({@code [N, C, H, W]}, the layout of temper's layers) and the
 * position-major, channels-last {@code [H, W, N, C]} that {@link ShiftedConvolution} multiplies in.
 *
 * <p>Parallel over images: image {@code n}'s NCHW block ({@code C * H * W} floats, 18 KB for the benchmark CNN's
 * second layer) stays in the first-level cache while its channel vectors are scattered to or gathered from their
 * rows. Every element is a copy (plus the bias), so the thread count cannot change the bits.
 */
final class ChannelsLast {
    private ChannelsLast() {}

    /**
     * {@code [H * W, N, C]} from the contiguous float32 {@code images [N, C, H, W]}, in this thread's
     * {@link Scratch} array for {@code purpose} (valid until the next use of that purpose).
     */
    static float[] fromImages(Tensor images, String purpose) {
        int batch = images.dim(0);
        int channels = images.dim(1);
        int positions = images.dim(2) * images.dim(3);
        float[] from = images.floatData();
        int at = images.offset();
        float[] rows = Scratch.floats(purpose, batch * channels * positions);
        Parallel.forRange(batch, 1, (n0, n1) -> {
            for (int n = n0; n < n1; n++) {
                int image = at + n * channels * positions;
                for (int p = 0; p < positions; p++) {
                    int to = (p * batch + n) * channels;
                    for (int c = 0; c < channels; c++) {
                        rows[to + c] = from[image + c * positions + p];
                    }
                }
            }
        });
        return rows;
    }

    /**
     * {@code [H * W, N, C]} from the contiguous float32 {@code gradient [N, C, H, W]}, zero where {@code reluOutput}
     * (same shape, contiguous; null for none) is not above 0; when {@code planeSums} is not null, each image's
     * per-channel sum of what was written goes to {@code planeSums[n * C + c]} (in double, over positions in order).
     * In this thread's {@link Scratch} array for {@code purpose}.
     */
    static float[] fromGradient(Tensor gradient, Tensor reluOutput, double[] planeSums, String purpose) {
        int batch = gradient.dim(0);
        int channels = gradient.dim(1);
        int positions = gradient.dim(2) * gradient.dim(3);
        float[] from = gradient.floatData();
        int at = gradient.offset();
        float[] mask = reluOutput == null ? null : reluOutput.floatData();
        int maskAt = reluOutput == null ? 0 : reluOutput.offset() - at;
        float[] rows = Scratch.floats(purpose, batch * channels * positions);
        Parallel.forRange(batch, 1, (n0, n1) -> {
            double[] sums = new double[channels];
            for (int n = n0; n < n1; n++) {
                imageToRows(from, at + n * channels * positions, mask, maskAt, rows, n, batch, channels, positions, sums, planeSums);
            }
        });
        return rows;
    }

    /**
     * Image {@code n}, read from {@code from} at {@code image} (NCHW, zero where {@code mask}, read at {@code maskAt}
     * plus the same index, is not above 0; no mask when null), into its rows of {@code rows [H * W, N, C]}; each
     * channel's sum over positions, in order, into {@code planeSums[n * C + c]} unless that is null.
     */
    private static void imageToRows(float[] from, int image, float[] mask, int maskAt, float[] rows, int n, int batch,
                                    int channels, int positions, double[] sums, double[] planeSums) {
        java.util.Arrays.fill(sums, 0);
        for (int p = 0; p < positions; p++) {
            int to = (p * batch + n) * channels;
            for (int c = 0; c < channels; c++) {
                int k = image + c * positions + p;
                float v = mask == null ? from[k] : Elementwise.keepWherePositive(from[k], mask[maskAt + k]);
                rows[to + c] = v;
                sums[c] += v;
            }
        }
        if (planeSums != null) {
            System.arraycopy(sums, 0, planeSums, n * channels, channels);
        }
    }

    /** Images {@code [N, C, H, W]} (a new tensor) from {@code rows [H * W, N, C]}, plus {@code bias [C]} (contiguous float32; may be null). */
    static Tensor toImages(float[] rows, int batch, int channels, int height, int width, Tensor bias) {
        return toImages(rows, batch, channels, height, width, bias, false);
    }

    /** As above, with {@code relu}: {@code max(value + bias, 0)}. */
    static Tensor toImages(float[] rows, int batch, int channels, int height, int width, Tensor bias, boolean relu) {
        int positions = height * width;
        float[] out = new float[batch * channels * positions];
        float[] b = new float[channels];
        if (bias != null) {
            System.arraycopy(bias.floatData(), bias.offset(), b, 0, channels);
        }
        Parallel.forRange(batch, 1, (n0, n1) -> {
            for (int n = n0; n < n1; n++) {
                rowsToImage(rows, n, batch, channels, positions, b, relu, out, n * channels * positions);
            }
        });
        return Tensor.wrap(out, batch, channels, height, width);
    }

    /** Image {@code n}'s rows of {@code rows [H * W, N, C]} plus {@code b}, clipped at 0 with {@code relu}, into {@code out} at {@code image} (NCHW). */
    private static void rowsToImage(float[] rows, int n, int batch, int channels, int positions, float[] b, boolean relu,
                                    float[] out, int image) {
        for (int p = 0; p < positions; p++) {
            int from = (p * batch + n) * channels;
            if (relu) {
                for (int c = 0; c < channels; c++) {
                    out[image + c * positions + p] = Math.max(rows[from + c] + b[c], 0f);
                }
            } else {
                for (int c = 0; c < channels; c++) {
                    out[image + c * positions + p] = rows[from + c] + b[c];
                }
            }
        }
    }

    /**
     * Convolution output rows {@code [H * W, N, C]} plus bias, clipped at 0, max-pooled over {@code pool} straight
     * into {@code pooled [N, C, poolH, poolW]} (contiguous), with {@code argmax} as {@link MaxPooling#forward} would
     * write it for the NCHW images: each image is moved to NCHW in a buffer of its task's own (16 KB for the benchmark
     * CNN's second layer) and pooled from there, so the batch's unpooled images are never written.
     */
    static void toPooledImages(float[] rows, int batch, int channels, int height, int width, Tensor bias, Conv2dGeometry pool,
                               Tensor pooled, int[] argmax) {
        int positions = height * width;
        float[] b = new float[channels];
        if (bias != null) {
            System.arraycopy(bias.floatData(), bias.offset(), b, 0, channels);
        }
        Parallel.forRange(batch, 1, (n0, n1) -> {
            Tensor image = Tensor.zeros(DType.FLOAT32, channels * positions);
            float[] out = image.floatData();
            for (int n = n0; n < n1; n++) {
                rowsToImage(rows, n, batch, channels, positions, b, true, out, 0);
                MaxPooling.poolPlanes(image, -n * channels * positions, pooled, argmax, n * channels, (n + 1) * channels, pool);
            }
        });
    }

    /**
     * The convolution output's gradient as rows {@code [H * W, N, C]} (this thread's {@link Scratch} array for
     * {@code purpose}) from the gradient of its ReLU-and-max-pooled images: each pooled gradient goes to its argmax
     * where the pooled value is above 0 (max pooling's and ReLU's gradients), image by image in a buffer of the task's
     * own, then to the rows; {@code planeSums} as in {@link #fromGradient}. The same bits as {@code fromGradient} of
     * {@link MaxPooling#backward}'s images masked by the ReLU's output.
     */
    static float[] fromPooledGradient(Tensor gradPooled, Tensor pooledOutput, int[] argmax, int batch, int channels, int height,
                                      int width, double[] planeSums, String purpose) {
        int positions = height * width;
        int imageSize = channels * positions;
        int perImage = pooledOutput.size() / batch;
        float[] rows = Scratch.floats(purpose, batch * imageSize);
        Parallel.forRange(batch, 1, (n0, n1) -> {
            Tensor image = Tensor.zeros(DType.FLOAT32, imageSize);
            double[] sums = new double[channels];
            for (int n = n0; n < n1; n++) {
                MaxPooling.backwardAboveZero(gradPooled, pooledOutput, argmax, n * perImage, perImage, n * imageSize, image, imageSize);
                imageToRows(image.floatData(), 0, null, 0, rows, n, batch, channels, positions, sums, planeSums);
            }
        });
        return rows;
    }

    /** The bias gradient {@code [C]} from per-image channel sums ({@link #fromGradient}), added in image order. */
    static Tensor channelSums(double[] planeSums, int batch, int channels) {
        Tensor out = Tensor.zeros(DType.FLOAT32, channels);
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int n = 0; n < batch; n++) {
                sum += planeSums[n * channels + c];
            }
            out.setFlatContiguous(c, sum);
        }
        return out;
    }
}
