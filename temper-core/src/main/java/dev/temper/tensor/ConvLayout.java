package dev.temper.tensor;

/**
 * Moves convolution outputs between the GEMM's layout, {@code [outChannels, batch * outH * outW]}, and the image
 * layout {@code [batch, outChannels, outH, outW]} (NCHW), adding the bias on the way in.
 *
 * <p>Both run in parallel over images, each image writing its own part, so results do not depend on the thread
 * count.
 */
public final class ConvLayout {
    private ConvLayout() {}

    /** {@code rows [outChannels, batch * outH * outW]} as images {@code [batch, outChannels, outH, outW]}, plus {@code bias} (may be null). */
    public static Tensor toImages(Tensor rows, int batch, int outH, int outW, Tensor bias) {
        int channels = rows.dim(0);
        int positions = outH * outW;
        if (rows.rank() != 2 || rows.dim(1) != batch * positions) {
            throw new IllegalArgumentException("conv layout: expected rows [channels, " + (batch * positions) + "], got " + rows.shape());
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != channels)) {
            throw new IllegalArgumentException("conv layout: expected bias [" + channels + "], got " + bias.shape());
        }
        // a transposed view of a contiguous [batch * positions, channels] product is read in place, not copied
        boolean transposed = rows.strides()[0] == 1 && rows.strides()[1] == channels && channels > 1;
        Tensor rc = transposed ? rows : rows.contiguous();
        Tensor out = Tensor.zeros(rows.dtype(), batch, channels, outH, outW);
        scatter(rc, transposed ? channels : batch * positions, transposed, 0, batch,
                bias == null ? null : bias.to(rows.dtype()).contiguous(), out);
        return out;
    }

    /**
     * Writes a group's GEMM product into images {@code first .. first+count-1} of the contiguous {@code y [batch,
     * channels, positions]}, adding {@code bias} (contiguous, same type; may be null). The product is
     * {@code [channels, count * positions]} with row stride {@code ld}, or, {@code transposed}, {@code [count *
     * positions, channels]} with row stride {@code ld}.
     */
    static void scatter(Tensor product, int ld, boolean transposed, int first, int count, Tensor bias, Tensor y) {
        int channels = y.dim(1);
        int positions = y.size() / (y.dim(0) * channels);
        int channelStride = transposed ? 1 : ld;
        int positionStride = transposed ? ld : 1;
        Parallel.forRange(count, 1, (s0, s1) -> {
            for (int s = s0; s < s1; s++) {
                for (int o = 0; o < channels; o++) {
                    int src = product.offset() + o * channelStride + s * positions * positionStride;
                    int dst = y.offset() + ((first + s) * channels + o) * positions;
                    if (y.dtype() == DType.FLOAT32) {
                        float[] from = product.floatData();
                        float[] to = y.floatData();
                        float b = bias == null ? 0f : bias.floatData()[bias.offset() + o];
                        if (transposed) {
                            for (int p = 0; p < positions; p++) {
                                to[dst + p] = from[src + p * positionStride] + b;
                            }
                        } else {
                            for (int p = 0; p < positions; p++) {
                                to[dst + p] = from[src + p] + b;
                            }
                        }
                    } else {
                        double[] from = product.doubleData();
                        double[] to = y.doubleData();
                        double b = bias == null ? 0 : bias.doubleData()[bias.offset() + o];
                        for (int p = 0; p < positions; p++) {
                            to[dst + p] = from[src + p * positionStride] + b;
                        }
                    }
                }
            }
        });
    }

    /** Images {@code [batch, channels, outH, outW]} as rows {@code [channels, batch * outH * outW]}: the inverse of {@link #toImages}. */
    public static Tensor toRows(Tensor images) {
        if (images.rank() != 4) {
            throw new IllegalArgumentException("conv layout: expected images [batch, channels, height, width], got " + images.shape());
        }
        int batch = images.dim(0);
        int wide = batch * images.dim(2) * images.dim(3);
        Tensor out = Tensor.zeros(images.dtype(), images.dim(1), wide);
        gather(images.contiguous(), 0, batch, out, wide, null);
        return out;
    }

    /**
     * Copies images {@code first .. first+count-1} of the contiguous {@code images [batch, channels, positions]}
     * into {@code rows [channels, count * positions]} (row stride {@code ld}), and, when {@code sums} is not null,
     * writes each image's per-channel sum to {@code sums[s * channels + o]} (summed in order, in double).
     */
    static void gather(Tensor images, int first, int count, Tensor rows, int ld, double[] sums) {
        int channels = images.dim(1);
        int positions = images.size() / (images.dim(0) * channels);
        Parallel.forRange(count, 1, (s0, s1) -> {
            for (int s = s0; s < s1; s++) {
                for (int o = 0; o < channels; o++) {
                    int src = images.offset() + ((first + s) * channels + o) * positions;
                    int dst = rows.offset() + o * ld + s * positions;
                    double sum = 0;
                    if (rows.dtype() == DType.FLOAT32) {
                        float[] from = images.floatData();
                        System.arraycopy(from, src, rows.floatData(), dst, positions);
                        if (sums != null) {
                            for (int p = src; p < src + positions; p++) {
                                sum += from[p];
                            }
                        }
                    } else {
                        double[] from = images.doubleData();
                        System.arraycopy(from, src, rows.doubleData(), dst, positions);
                        if (sums != null) {
                            for (int p = src; p < src + positions; p++) {
                                sum += from[p];
                            }
                        }
                    }
                    if (sums != null) {
                        sums[s * channels + o] = sum;
                    }
                }
            }
        });
    }

    /**
     * The sum of each row of {@code rows [channels, n]}: the bias gradient. One row per task, summed in order in a
     * double accumulator, so it is independent of the thread count (and, unlike the general axis reduction, it
     * streams each row once).
     */
    public static Tensor rowSums(Tensor rows) {
        if (rows.rank() != 2) {
            throw new IllegalArgumentException("conv layout: expected rows [channels, n], got " + rows.shape());
        }
        Tensor rc = rows.contiguous();
        int n = rows.dim(1);
        Tensor out = Tensor.zeros(rows.dtype(), rows.dim(0));
        Parallel.forRange(rows.dim(0), 1, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int start = rc.offset() + r * n;
                double sum = 0;
                if (rc.dtype() == DType.FLOAT32) {
                    float[] x = rc.floatData();
                    for (int i = start; i < start + n; i++) {
                        sum += x[i];
                    }
                } else {
                    double[] x = rc.doubleData();
                    for (int i = start; i < start + n; i++) {
                        sum += x[i];
                    }
                }
                out.setFlatContiguous(r, sum);
            }
        });
        return out;
    }
}
