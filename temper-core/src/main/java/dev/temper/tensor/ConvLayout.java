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
        int channelStride = transposed ? 1 : batch * positions;
        int positionStride = transposed ? channels : 1;
        Tensor bc = bias == null ? Tensor.zeros(rows.dtype(), channels) : bias.to(rows.dtype()).contiguous();
        Tensor out = Tensor.zeros(rows.dtype(), batch, channels, outH, outW);
        Parallel.forRange(batch, 1, (n0, n1) -> {
            for (int n = n0; n < n1; n++) {
                for (int o = 0; o < channels; o++) {
                    int src = rc.offset() + o * channelStride + n * positions * positionStride;
                    int dst = (n * channels + o) * positions;
                    if (out.dtype() == DType.FLOAT32) {
                        float[] s = rc.floatData();
                        float[] d = out.floatData();
                        float b = bc.floatData()[bc.offset() + o];
                        if (transposed) {
                            for (int p = 0; p < positions; p++) {
                                d[dst + p] = s[src + p * positionStride] + b;
                            }
                        } else {
                            for (int p = 0; p < positions; p++) {
                                d[dst + p] = s[src + p] + b;
                            }
                        }
                    } else {
                        double[] s = rc.doubleData();
                        double[] d = out.doubleData();
                        double b = bc.doubleData()[bc.offset() + o];
                        if (transposed) {
                            for (int p = 0; p < positions; p++) {
                                d[dst + p] = s[src + p * positionStride] + b;
                            }
                        } else {
                            for (int p = 0; p < positions; p++) {
                                d[dst + p] = s[src + p] + b;
                            }
                        }
                    }
                }
            }
        });
        return out;
    }

    /** Images {@code [batch, channels, outH, outW]} as rows {@code [channels, batch * outH * outW]}: the inverse of {@link #toImages}. */
    public static Tensor toRows(Tensor images) {
        if (images.rank() != 4) {
            throw new IllegalArgumentException("conv layout: expected images [batch, channels, height, width], got " + images.shape());
        }
        int batch = images.dim(0);
        int channels = images.dim(1);
        int positions = images.dim(2) * images.dim(3);
        Tensor ic = images.contiguous();
        int wide = batch * positions;
        Tensor out = Tensor.zeros(images.dtype(), channels, wide);
        Parallel.forRange(batch, 1, (n0, n1) -> {
            for (int n = n0; n < n1; n++) {
                for (int o = 0; o < channels; o++) {
                    int src = ic.offset() + (n * channels + o) * positions;
                    int dst = o * wide + n * positions;
                    if (out.dtype() == DType.FLOAT32) {
                        System.arraycopy(ic.floatData(), src, out.floatData(), dst, positions);
                    } else {
                        System.arraycopy(ic.doubleData(), src, out.doubleData(), dst, positions);
                    }
                }
            }
        });
        return out;
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
