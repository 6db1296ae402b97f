package dev.temper.regularize;

import dev.temper.autograd.Selector;
import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The penalties of a training run: an ordered list of rules (which parameters, by {@link Selector}, get which
 * {@link Penalty}). It belongs to the run, not to the model, so one model can be trained under many regimes
 * without being rebuilt. A parameter picked by several rules gets the sum of their penalties; per-layer
 * penalties are rules with a path selector ({@code Selector.byPath("dense_1.*")}).
 *
 * <p>Immutable: {@link #with} returns a new value.
 */
public final class Regularization {
    private static final Regularization NONE = new Regularization(List.of());

    private final List<RegularizationRule> rules;

    private Regularization(List<RegularizationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No penalty. */
    public static Regularization none() {
        return NONE;
    }

    /** One rule. */
    public static Regularization of(String name, Selector selector, Penalty penalty) {
        return NONE.with(name, selector, penalty);
    }

    /** This regularization with one more rule, applied after the existing ones; rule names must be unique. */
    public Regularization with(String name, Selector selector, Penalty penalty) {
        RegularizationRule rule = new RegularizationRule(name, selector, penalty);
        for (RegularizationRule r : rules) {
            if (r.name().equals(name)) {
                throw new IllegalArgumentException("regularization: rule name '" + name + "' is already used");
            }
        }
        List<RegularizationRule> more = new ArrayList<>(rules);
        more.add(rule);
        return new Regularization(more);
    }

    public List<RegularizationRule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * The total penalty of {@code parameters} (by dotted path) and each rule's term. The total is a differentiable
     * scalar in the parameters' dtype (float32 when no parameter is selected, then a constant 0).
     */
    public PenaltyTerms compute(Map<String, ? extends Variable> parameters) {
        Variable total = null;
        Map<String, Double> terms = new LinkedHashMap<>();
        for (RegularizationRule rule : rules) {
            Variable term = null;
            for (Map.Entry<String, ? extends Variable> e : parameters.entrySet()) {
                Variable p = e.getValue();
                if (rule.selector().matches(e.getKey(), p.value())) {
                    Variable t = rule.penalty().apply(p);
                    term = term == null ? t : term.add(t);
                }
            }
            terms.put(rule.name(), term == null ? 0.0 : term.value().item());
            if (term != null) {
                total = total == null ? term : total.add(term);
            }
        }
        if (total == null) {
            DType dtype = parameters.isEmpty() ? DType.FLOAT32 : parameters.values().iterator().next().value().dtype();
            total = Variable.constant(Tensor.scalar(dtype, 0.0));
        }
        return new PenaltyTerms(total, terms);
    }

    /** Names of the rules that select none of {@code parameters}: almost always a mistyped path. */
    public List<String> rulesMatchingNothing(Map<String, ? extends Variable> parameters) {
        List<String> unmatched = new ArrayList<>();
        for (RegularizationRule rule : rules) {
            boolean any = parameters.entrySet().stream()
                    .anyMatch(e -> rule.selector().matches(e.getKey(), e.getValue().value()));
            if (!any) {
                unmatched.add(rule.name());
            }
        }
        return unmatched;
    }

    /**
     * Warnings about combining these penalties with the named optimizer (its recipe name, case-insensitive:
     * {@code "adam"}, {@code "adamw"}, {@code "sgd"}, ...); empty when there is nothing to say.
     *
     * <p>An L2 penalty under Adam-family optimizers (Adam, AdamW, Adamax, Nadam, AMSGrad, and the other adaptive
     * ones: RMSprop, Adagrad, Adadelta) is divided by the running gradient scale, so weights with large gradients
     * are barely regularized: it is not weight decay (Loshchilov and Hutter 2019). Decoupled weight decay (AdamW)
     * is the usual fix; AdamW plus an L2 penalty regularizes twice.
     */
    public List<String> warningsFor(String optimizerName) {
        List<String> warnings = new ArrayList<>();
        if (optimizerName == null) {
            return warnings;
        }
        String name = optimizerName.toLowerCase(Locale.ROOT);
        boolean adaptive = name.contains("adam") || name.contains("amsgrad") || name.contains("rmsprop")
                || name.contains("adagrad") || name.contains("adadelta");
        if (!adaptive) {
            return warnings;
        }
        for (RegularizationRule rule : rules) {
            if (rule.penalty().hasL2Part()) {
                String advice = name.contains("adamw")
                        ? "AdamW already applies decoupled weight decay; adding an L2 penalty regularizes twice"
                        : "adaptive optimizers rescale the penalty's gradient per weight, so it is not weight decay"
                                + " (Loshchilov and Hutter 2019); prefer decoupled weight decay (AdamW)";
                warnings.add("regularization rule '" + rule.name() + "' puts an L2 penalty under optimizer '"
                        + optimizerName + "': " + advice);
            }
        }
        return warnings;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Regularization[");
        for (int i = 0; i < rules.size(); i++) {
            RegularizationRule r = rules.get(i);
            sb.append(i == 0 ? "" : ", ").append(r.name()).append(": ").append(r.penalty());
        }
        return sb.append(']').toString();
    }
}
