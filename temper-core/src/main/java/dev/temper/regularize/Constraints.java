package dev.temper.regularize;

import dev.temper.autograd.Selector;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Projections applied to the parameters after each optimizer step, as an ordered list of rules (which parameters,
 * by {@link Selector}, get which {@link Constraint}); a parameter picked by several rules is projected by each in
 * order. Like Keras's {@code kernel_constraint}, but chosen by the run, not built into the layer.
 *
 * <p>Immutable: {@link #with} returns a new value.
 */
public final class Constraints implements PostStep {
    private final List<ConstraintRule> rules;

    private Constraints(List<ConstraintRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Constraints none() {
        return new Constraints(List.of());
    }

    public static Constraints of(Selector selector, Constraint constraint) {
        return none().with(selector, constraint);
    }

    public Constraints with(Selector selector, Constraint constraint) {
        List<ConstraintRule> more = new ArrayList<>(rules);
        more.add(new ConstraintRule(selector, constraint));
        return new Constraints(more);
    }

    public List<ConstraintRule> rules() {
        return rules;
    }

    /** Projects every selected parameter in place; the learning rate plays no part in a projection. */
    @Override
    public void apply(Map<String, ? extends Variable> parameters, double learningRate) {
        for (ConstraintRule rule : rules) {
            for (Map.Entry<String, ? extends Variable> e : parameters.entrySet()) {
                Tensor w = e.getValue().value();
                if (rule.selector().matches(e.getKey(), w)) {
                    w.copyFromInPlace(rule.constraint().project(w));
                }
            }
        }
    }
}
