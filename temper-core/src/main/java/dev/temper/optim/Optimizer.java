package dev.temper.optim;

import dev.temper.autograd.NoGrad;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * Applies {@code parameter -= learningRate * direction(gradient)} to every parameter that has a gradient.
 * The direction is a {@link GradientTransform} (plain gradient for SGD, {@link ScaleByAdam} for Adam, ...);
 * its state is kept per parameter path, so an optimizer can be saved and restored by name.
 */
public final class Optimizer {
    private final GradientTransform direction;
    private double learningRate;
    private final Map<String, Map<String, Tensor>> states = new HashMap<>();
    /** Per-parameter buffer the direction is computed in, reused every step (saves allocating and zeroing it). */
    private final Map<String, Tensor> updates = new HashMap<>();
    private long step;

    public Optimizer(GradientTransform direction, double learningRate) {
        this.direction = direction;
        setLearningRate(learningRate);
    }

    public double learningRate() {
        return learningRate;
    }

    /** For schedules: the rate used from the next step on. */
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** Steps taken so far. */
    public long steps() {
        return step;
    }

    /** One update of every parameter (by path) that has a gradient. */
    public void step(Map<String, ? extends Variable> parameters) {
        step++;
        try (NoGrad scope = NoGrad.enter()) {
            for (Map.Entry<String, ? extends Variable> e : parameters.entrySet()) {
                Variable p = e.getValue();
                Tensor grad = p.grad();
                if (grad == null) {
                    continue;
                }
                Tensor value = p.value();
                Map<String, Tensor> state = states.computeIfAbsent(e.getKey(), k -> direction.init(value));
                // Gradients are immutable (one may be shared by several inputs): the chain works on its own copy.
                Tensor update = updates.computeIfAbsent(e.getKey(), k -> Tensor.zerosLike(value));
                update.copyFromInPlace(grad);
                direction.update(update, value, state, step);
                value.addInPlace(update, -learningRate);
            }
        }
    }

    /** Clears every parameter's gradient. */
    public static void zeroGrad(Map<String, ? extends Variable> parameters) {
        for (Variable p : parameters.values()) {
            p.zeroGrad();
        }
    }
}
