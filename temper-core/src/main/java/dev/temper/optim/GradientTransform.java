package dev.temper.optim;

import dev.temper.tensor.Parallel;
import dev.temper.tensor.Tensor;
import java.util.Map;

/**
 * One stage of an optimizer, in the style of optax: it turns a parameter's update (at first, its gradient) into
 * a new update, keeping whatever per-parameter state it needs (moment estimates, momentum buffers). Stages
 * compose with {@link Chain}; {@link Optimizer} applies the result scaled by the learning rate.
 *
 * <p>Optimizers see parameters and gradients only: this package never imports {@code nn}.
 */
public interface GradientTransform {

    /**
     * The transform to use for the parameter at {@code path}: stages that apply only to some parameters (weight
     * decay by {@link dev.temper.autograd.Selector}) resolve their selector here, once per parameter, so the
     * per-step loop never matches paths. Returns {@code this} unless overridden.
     */
    default GradientTransform forParameter(String path, Tensor value) {
        return this;
    }

    /** The state for one parameter, as named tensors so that it can be saved and restored exactly. */
    default Map<String, Tensor> init(Tensor parameter) {
        return Map.of();
    }

    /**
     * Transforms {@code update} in place. {@code update} is a contiguous tensor (offset 0) owned by the
     * optimizer, of the parameter's type; the state tensors come from {@link #init}; {@code step} counts from 1.
     */
    void update(Tensor update, Tensor parameter, Map<String, Tensor> state, long step);

    /**
     * Optional fast path for a transform that is the whole direction: {@code parameter += scale * update(gradient)}
     * in one pass over memory, reading the gradient where it lies instead of from a copy, and updating the state as
     * {@link #update} would. Returned as a loop over the parameter's element indices ({@code start} to {@code end}),
     * not run: {@link Optimizer} runs the loops of all parameters as one parallel loop, so that a step waits for the
     * kernel threads once rather than once per parameter. Each element must be updated on its own (the loop's chunks
     * run in any order, on any thread), and a whole run must give the same bits as {@link #update} on a copy of the
     * gradient followed by {@code parameter += (float) scale * update} (or the double analogue). Returns null,
     * touching nothing, where it has no such path (the default); {@link Optimizer} then takes the general one.
     *
     * <p>The gradient is {@code gradient + valueTerm * parameter}: a term the parameter's variable has not added in yet
     * (the L2 penalty's, see {@code Variable.gradWithoutValueTerm}), added to each element last, its product rounded
     * to the parameter's type, as the variable would add it. A transform that cannot add it returns null when it
     * is not 0.
     *
     * @param gradient contiguous, of the parameter's shape and type; never written
     * @param parameter contiguous, at offset 0
     */
    default Parallel.RangeBody inPlaceStep(Tensor gradient, Tensor parameter, Map<String, Tensor> state, long step,
                                           double scale, double valueTerm) {
        return null;
    }
}
