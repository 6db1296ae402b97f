package dev.temper.optim;

import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Transforms applied in order; each keeps its own state under its position ({@code 0.m}, {@code 1.momentum}),
 * so state names stay the same whichever stages a parameter's selectors switch off.
 */
public final class Chain implements GradientTransform {
    private final List<GradientTransform> stages;

    public Chain(GradientTransform... stages) {
        this(List.of(stages));
    }

    private Chain(List<GradientTransform> stages) {
        this.stages = stages;
    }

    @Override
    public GradientTransform forParameter(String path, Tensor value) {
        List<GradientTransform> resolved = new ArrayList<>(stages.size());
        for (GradientTransform stage : stages) {
            resolved.add(stage.forParameter(path, value));
        }
        return new Chain(List.copyOf(resolved));
    }

    @Override
    public Map<String, Tensor> init(Tensor parameter) {
        Map<String, Tensor> state = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            for (Map.Entry<String, Tensor> e : stages.get(i).init(parameter).entrySet()) {
                state.put(i + "." + e.getKey(), e.getValue());
            }
        }
        return state;
    }

    @Override
    public void update(Tensor update, Tensor parameter, Map<String, Tensor> state, long step) {
        for (int i = 0; i < stages.size(); i++) {
            String prefix = i + ".";
            Map<String, Tensor> own = new HashMap<>();
            for (Map.Entry<String, Tensor> e : state.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    own.put(e.getKey().substring(prefix.length()), e.getValue());
                }
            }
            stages.get(i).update(update, parameter, own, step);
        }
    }
}
