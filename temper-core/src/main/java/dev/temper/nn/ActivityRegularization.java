package dev.temper.nn;

import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;

/**
 * The identity, which in training hands its input to the forward context's {@link ActivityRecorder} under its
 * name: the run's activity penalties (Keras's {@code activity_regularizer}) then apply to that output. Place it
 * after the layer whose output is to be penalized. Like every penalty it belongs to the run, not the model: the
 * layer only names the output, and without a recorder (inference, or a run with no activity penalties) it
 * records nothing.
 */
public final class ActivityRegularization implements Layer {
    private final String name;

    public ActivityRegularization(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("ActivityRegularization: name must be letters, digits, '_', '.', '-', got '" + name + "'");
        }
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public Variable forward(Variable input, ForwardContext context) {
        if (context.training() && context.activities() != null) {
            context.activities().record(name, input);
        }
        return input;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    public String kind() {
        return "activity_regularization";
    }
}
