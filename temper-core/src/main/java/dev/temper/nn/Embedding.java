package dev.temper.nn;

import dev.temper.autograd.GatherRows;
import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import java.util.List;

/**
 * A lookup table {@code embeddings [vocabularySize, dimension]}: each integer index in the input selects one row
 * (Keras's {@code Embedding}, PyTorch's {@code nn.Embedding}). Input: indices stored as floats, {@code [batch, time]};
 * output {@code [batch, time, dimension]}. Backward adds each output row's gradient into the row it came from, so
 * an index used several times receives the sum of its gradients. Default initialization as Keras: uniform in
 * (-0.05, 0.05).
 *
 * <p>The indices are data, not parameters: they get no gradient. An index that is not a whole number in
 * {@code [0, vocabularySize)} is rejected with its position, value and the vocabulary size.
 */
public final class Embedding implements Layer {
    private final int vocabularySize;
    private final int dimension;
    private final Parameter embeddings;

    /** A table with Keras's default initialization, drawn from {@code rng}. */
    public Embedding(int vocabularySize, int dimension, Rng rng) {
        this(vocabularySize, dimension, (shape, fanIn, fanOut, r) -> r.uniform(-0.05f, 0.05f, shape), rng);
    }

    public Embedding(int vocabularySize, int dimension, Initializer initializer, Rng rng) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("Embedding: vocabularySize must be >= 1, got " + vocabularySize);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("Embedding: dimension must be >= 1, got " + dimension);
        }
        this.vocabularySize = vocabularySize;
        this.dimension = dimension;
        this.embeddings = new Parameter("embeddings",
                initializer.create(new int[] {vocabularySize, dimension}, vocabularySize, dimension, rng));
    }

    /** The lookup on an explicit table (the layer passes its parameter; gradient checks pass a leaf). */
    static Variable run(Variable indices, Variable table) {
        int vocabularySize = table.shape().dim(0);
        double[] values = indices.value().toDoubleArray();
        int[] rows = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            double v = values[k];
            if (!(v >= 0 && v < vocabularySize) || v != Math.rint(v)) {
                throw new IllegalArgumentException("Embedding: index " + v + " at flat position " + k
                        + " is not a whole number in [0, " + vocabularySize + ") (vocabularySize " + vocabularySize + ")");
            }
            rows[k] = (int) v;
        }
        int[] outShape = new int[indices.shape().rank() + 1];
        System.arraycopy(indices.shape().toArray(), 0, outShape, 0, indices.shape().rank());
        outShape[outShape.length - 1] = table.shape().dim(1);
        return GatherRows.apply(table, rows).reshape(outShape);
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        if (input.shape().rank() != 2) {
            throw new IllegalArgumentException(describe() + ": expected input [batch, time] of indices, got " + input.shape());
        }
        return run(input, embeddings);
    }

    public Parameter embeddings() {
        return embeddings;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(embeddings);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.rank() != 1) {
            throw new IllegalArgumentException(describe() + ": expected input shape [time], got " + inputShape);
        }
        return Shape.of(inputShape.dim(0), dimension);
    }

    @Override
    public String kind() {
        return "embedding";
    }

    private String describe() {
        return "Embedding(" + vocabularySize + " x " + dimension + ")";
    }
}
