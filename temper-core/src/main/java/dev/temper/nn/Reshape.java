package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;
import java.util.Arrays;

/**
 * Gives each example a new shape (without the batch axis), same elements in row-major order, as Keras's
 * {@code Reshape(target_shape)}: e.g. {@code [batch, 784] -> [batch, 1, 28, 28]}.
 */
public final class Reshape implements Layer {
    private final Shape target;

    public Reshape(int... targetShape) {
        for (int d : targetShape) {
            if (d < 1) {
                throw new IllegalArgumentException("Reshape: target shape dimensions must be >= 1, got " + Arrays.toString(targetShape));
            }
        }
        this.target = Shape.of(targetShape);
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        Shape s = input.shape();
        if (s.rank() < 1 || s.size() != s.dim(0) * target.size()) {
            throw new IllegalArgumentException("Reshape: cannot reshape input " + s + " to [batch, " + dims() + "]: expected "
                    + target.size() + " values per example, got " + (s.rank() < 1 || s.dim(0) == 0 ? 0 : s.size() / s.dim(0)));
        }
        int[] dims = new int[target.rank() + 1];
        dims[0] = s.dim(0);
        System.arraycopy(target.toArray(), 0, dims, 1, target.rank());
        return input.reshape(dims);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.size() != target.size()) {
            throw new IllegalArgumentException("Reshape: cannot reshape input shape " + inputShape + " (" + inputShape.size()
                    + " values) to " + target + " (" + target.size() + " values)");
        }
        return target;
    }

    private String dims() {
        String t = target.toString();
        return t.substring(1, t.length() - 1);
    }

    @Override
    public String kind() {
        return "reshape";
    }
}
