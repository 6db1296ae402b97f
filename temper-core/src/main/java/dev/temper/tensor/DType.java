package dev.temper.tensor;

/**
 * Element type of a {@link Tensor}.
 *
 * <p>Training runs in {@link #FLOAT32}. {@link #FLOAT64} exists for gradient checking: central differences in
 * float32 are dominated by rounding noise (PyTorch's gradcheck and DL4J's GradientCheckUtil both refuse to check
 * in single precision), so every op runs in both types and {@code GradCheck} insists on float64.
 */
public enum DType {
    FLOAT32(4),
    FLOAT64(8);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }
}
