package dev.temper.regularize;

import dev.temper.autograd.Selector;
import dev.temper.autograd.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Penalties on layer outputs (activity regularization, as Keras's {@code activity_regularizer}): an ordered list
 * of rules (which recorded outputs, by name glob, get which {@link Penalty}). The outputs are recorded during the
 * training forward pass under a dotted name (the recording layer's path); the trainer passes them here and adds
 * the total to the loss.
 *
 * <p>Each term is divided by the output's batch size (its first dimension), as tf.keras 2 does ("batch-agnostic"
 * strength), so the same lambda means the same thing at any batch size.
 *
 * <p>Immutable: {@link #with} returns a new value.
 */
public final class ActivityPenalties {
    private final List<RegularizationRule> rules;

    private ActivityPenalties(List<RegularizationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ActivityPenalties none() {
        return new ActivityPenalties(List.of());
    }

    /** This value with one more rule: outputs whose recorded name matches {@code glob} get {@code penalty}. */
    public ActivityPenalties with(String name, String glob, Penalty penalty) {
        RegularizationRule rule = new RegularizationRule(name, Selector.byPath(glob), penalty);
        for (RegularizationRule r : rules) {
            if (r.name().equals(name)) {
                throw new IllegalArgumentException("activity penalties: rule name '" + name + "' is already used");
            }
        }
        List<RegularizationRule> more = new ArrayList<>(rules);
        more.add(rule);
        return new ActivityPenalties(more);
    }

    public List<RegularizationRule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * The total penalty of the recorded {@code outputs} (by name; each {@code [batch, ...]}) and each rule's term.
     * The total is a differentiable scalar, so its gradient flows back through the layers that made the outputs.
     */
    public PenaltyTerms compute(Map<String, ? extends Variable> outputs) {
        Variable total = null;
        Map<String, Double> terms = new LinkedHashMap<>();
        for (RegularizationRule rule : rules) {
            Variable term = null;
            for (Map.Entry<String, ? extends Variable> e : outputs.entrySet()) {
                Variable out = e.getValue();
                if (rule.selector().matches(e.getKey(), out.value())) {
                    if (out.shape().rank() < 1 || out.shape().dim(0) < 1) {
                        throw new IllegalArgumentException("activity penalty '" + rule.name() + "': output '" + e.getKey()
                                + "' must be [batch, ...] with batch >= 1, got " + out.shape());
                    }
                    Variable t = rule.penalty().apply(out).mul(1.0 / out.shape().dim(0));
                    term = term == null ? t : term.add(t);
                }
            }
            terms.put(rule.name(), term == null ? 0.0 : term.value().item());
            if (term != null) {
                total = total == null ? term : total.add(term);
            }
        }
        if (total == null) {
            total = Variable.constant(dev.temper.tensor.Tensor.scalar(dev.temper.tensor.DType.FLOAT32, 0.0));
        }
        return new PenaltyTerms(total, terms);
    }
}
