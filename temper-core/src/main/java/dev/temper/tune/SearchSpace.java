package dev.temper.tune;

import dev.temper.tensor.Rng;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters a study searches, in order. A conditional parameter's parent must come before it and be
 * categorical, and the condition's values must be among the parent's choices; every check names the parameter.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.of(
 *         Categorical.of("optimizer", "adam", "sgd"),
 *         FloatRange.logUniform("learning_rate", 1e-4, 1e-1),
 *         FloatRange.uniform("momentum", 0, 0.99).when("optimizer", "sgd"));
 * }</pre>
 */
public final class SearchSpace {
    private final List<Hyperparameter> parameters;
    private final Map<String, Hyperparameter> byName = new LinkedHashMap<>();

    private SearchSpace(List<Hyperparameter> parameters) {
        this.parameters = List.copyOf(parameters);
        for (Hyperparameter p : this.parameters) {
            if (byName.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("search space: parameter '" + p.name() + "' is defined twice");
            }
            Condition c = p.condition();
            if (c != null) {
                Hyperparameter parent = byName.get(c.parent());
                if (parent == null || parent == p) {
                    throw new IllegalArgumentException("search space: parameter '" + p.name() + "' depends on '" + c.parent()
                            + "', which must be defined before it");
                }
                if (!(parent instanceof Categorical cat)) {
                    throw new IllegalArgumentException("search space: parameter '" + p.name() + "' depends on '" + c.parent()
                            + "', which must be categorical, not " + parent.describe());
                }
                for (Object v : c.values()) {
                    if (cat.indexOf(v) < 0) {
                        throw new IllegalArgumentException("search space: parameter '" + p.name() + "' is active when '"
                                + c.parent() + "' is " + v + ", which is not one of its choices " + cat.choices());
                    }
                }
            }
        }
        if (this.parameters.isEmpty()) {
            throw new IllegalArgumentException("search space: needs at least one parameter");
        }
    }

    public static SearchSpace of(Hyperparameter... parameters) {
        return new SearchSpace(List.of(parameters));
    }

    public static SearchSpace of(List<Hyperparameter> parameters) {
        return new SearchSpace(parameters);
    }

    public List<Hyperparameter> parameters() {
        return parameters;
    }

    public Hyperparameter parameter(String name) {
        Hyperparameter p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("search space has no parameter '" + name + "' (it has " + byName.keySet() + ")");
        }
        return p;
    }

    /** Whether {@code p} is active given the values chosen so far (its parent's among them). */
    public static boolean isActive(Hyperparameter p, Map<String, Object> chosen) {
        return p.condition() == null || p.condition().holdsFor(chosen.get(p.condition().parent()));
    }

    /** A uniform random configuration: each active parameter drawn in order. */
    public Configuration sample(Rng rng) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Hyperparameter p : parameters) {
            if (isActive(p, values)) {
                values.put(p.name(), p.sample(rng));
            }
        }
        return new Configuration(values);
    }

    /**
     * Checks a configuration from outside (a journal, a user): every active parameter present and in range, no
     * inactive or unknown one; returns it with values in the parameters' own types.
     */
    public Configuration validate(Map<String, Object> given) {
        Set<String> unknown = new HashSet<>(given.keySet());
        unknown.removeAll(byName.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("configuration names unknown parameters " + unknown + "; the space has " + byName.keySet());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Hyperparameter p : parameters) {
            boolean active = isActive(p, values);
            if (active && !given.containsKey(p.name())) {
                throw new IllegalArgumentException("configuration lacks parameter '" + p.name() + "'");
            }
            if (!active && given.containsKey(p.name())) {
                throw new IllegalArgumentException("configuration sets parameter '" + p.name() + "', inactive because '"
                        + p.condition().parent() + "' is " + values.get(p.condition().parent()));
            }
            if (active) {
                values.put(p.name(), p.validate(given.get(p.name())));
            }
        }
        return new Configuration(values);
    }

    /**
     * Every combination of the parameters' grid values ({@code points} per continuous range), conditional
     * parameters combined only where active; in order, the last parameter varying fastest.
     */
    public List<Configuration> grid(int points) {
        List<Configuration> out = new ArrayList<>();
        expand(0, new LinkedHashMap<>(), points, out);
        return out;
    }

    private void expand(int index, Map<String, Object> chosen, int points, List<Configuration> out) {
        if (index == parameters.size()) {
            out.add(new Configuration(chosen));
            return;
        }
        Hyperparameter p = parameters.get(index);
        if (!isActive(p, chosen)) {
            expand(index + 1, chosen, points, out);
            return;
        }
        for (Object v : p.gridValues(points)) {
            Map<String, Object> next = new LinkedHashMap<>(chosen);
            next.put(p.name(), v);
            expand(index + 1, next, points, out);
        }
    }

    /** One line per parameter. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Hyperparameter p : parameters) {
            sb.append("  ").append(p.describe()).append('\n');
        }
        return sb.toString();
    }
}
