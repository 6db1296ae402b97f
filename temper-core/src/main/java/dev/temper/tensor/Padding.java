package dev.temper.tensor;

/**
 * How a convolution or pooling window treats the image border: {@code valid} (no padding), {@code same} (as Keras
 * and TensorFlow define it), or explicit zero padding on each side.
 *
 * <p>{@code same}: the output has {@code ceil(in / stride)} positions along each axis. The total padding needed,
 * {@code max((out - 1) * stride + dilation * (kernel - 1) + 1 - in, 0)}, is split with the smaller half on the
 * top/left and the extra one on the bottom/right, as TensorFlow does (PyTorch's {@code padding='same'} allows only
 * stride 1, where it agrees with this).
 */
public record Padding(Kind kind, int top, int bottom, int left, int right) {
    /** The three ways of choosing the padding. */
    public enum Kind { VALID, SAME, EXPLICIT }

    public Padding {
        if (kind == null) {
            throw new IllegalArgumentException("padding kind must not be null");
        }
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("padding must be >= 0 on every side, got top " + top + ", bottom " + bottom
                    + ", left " + left + ", right " + right);
        }
        if (kind != Kind.EXPLICIT && (top | bottom | left | right) != 0) {
            throw new IllegalArgumentException("padding " + kind + " takes no explicit sizes");
        }
    }

    public static Padding valid() {
        return new Padding(Kind.VALID, 0, 0, 0, 0);
    }

    public static Padding same() {
        return new Padding(Kind.SAME, 0, 0, 0, 0);
    }

    /** {@code height} zero rows above and below, {@code width} zero columns left and right (PyTorch's int padding). */
    public static Padding of(int height, int width) {
        return new Padding(Kind.EXPLICIT, height, height, width, width);
    }

    public static Padding of(int top, int bottom, int left, int right) {
        return new Padding(Kind.EXPLICIT, top, bottom, left, right);
    }

    @Override
    public String toString() {
        return kind == Kind.EXPLICIT ? "padding(top " + top + ", bottom " + bottom + ", left " + left + ", right " + right + ")"
                : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
