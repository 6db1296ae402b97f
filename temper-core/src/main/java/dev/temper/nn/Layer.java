package dev.temper.nn;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A differentiable function with (possibly no) parameters. Shapes exclude nothing: the first axis is the batch.
 */
public interface Layer {

    Variable forward(Variable input, ForwardContext context);

    /** This layer's own parameters, with local names ({@code kernel}, {@code bias}). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * State that is not trained but belongs to the model (batch normalization's running statistics), by local
     * name: saved with the parameters, never touched by an optimizer.
     */
    default Map<String, Tensor> buffers() {
        return Map.of();
    }

    /** Output shape for an input shape (both without the batch axis); throws naming the mismatch. */
    Shape outputShape(Shape inputShape);

    /** The kind, used to name layers in containers ({@code dense} becomes {@code dense_1}). */
    String kind();
}
