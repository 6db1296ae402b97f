package dev.temper.tune;

import dev.temper.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A choice among a fixed list of values: strings, integers, floats or booleans. Numbers compare by value, so a
 * journal's {@code 128} matches the choice {@code 128} whether it was read back as an int or a long.
 */
public record Categorical(String name, List<Object> choices, Condition condition) implements Hyperparameter {
    public Categorical {
        Hyperparameter.checkName(name);
        if (choices == null || choices.isEmpty()) {
            throw new IllegalArgumentException("categorical '" + name + "' needs at least one choice");
        }
        List<Object> copy = new ArrayList<>();
        for (Object c : choices) {
            if (!(c instanceof String || c instanceof Number || c instanceof Boolean)) {
                throw new IllegalArgumentException("categorical '" + name + "': a choice must be a string, number or boolean, got " + c);
            }
            for (Object seen : copy) {
                if (sameChoice(seen, c)) {
                    throw new IllegalArgumentException("categorical '" + name + "': choice " + c + " is listed twice");
                }
                // Leaderboards, trials.csv and the journal show a choice by its text: 0.5 and "0.5" would be one.
                if (String.valueOf(seen).equals(String.valueOf(c))) {
                    throw new IllegalArgumentException("categorical '" + name + "': choices " + describeChoice(seen) + " and "
                            + describeChoice(c) + " read the same as text");
                }
            }
            copy.add(c instanceof Number n && !(n instanceof Double) && !(n instanceof Float) ? (Object) n.longValue() : c);
        }
        choices = List.copyOf(copy);
    }

    private static String describeChoice(Object c) {
        return c instanceof String ? "'" + c + "' (a string)" : c + " (a " + c.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    public static Categorical of(String name, Object... choices) {
        return new Categorical(name, List.of(choices), null);
    }

    /** Equal as choices: numbers by value, everything else by equals. */
    static boolean sameChoice(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a.equals(b);
    }

    public int indexOf(Object value) {
        for (int i = 0; i < choices.size(); i++) {
            if (value != null && sameChoice(choices.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object sample(Rng rng) {
        return choices.get(rng.nextInt(choices.size()));
    }

    @Override
    public Object validate(Object value) {
        int i = indexOf(value);
        if (i < 0) {
            throw new IllegalArgumentException("parameter '" + name + "' must be one of " + choices + ", got " + value);
        }
        return choices.get(i);
    }

    @Override
    public double toUnit(Object value) {
        return choices.size() == 1 ? 0.5 : (double) indexOf(value) / (choices.size() - 1);
    }

    @Override
    public Object fromUnit(double unit) {
        int i = (int) Math.round(Math.max(0, Math.min(1, unit)) * (choices.size() - 1));
        return choices.get(i);
    }

    @Override
    public List<Object> gridValues(int points) {
        return choices;
    }

    @Override
    public String describe() {
        return name + ": one of " + choices + (condition == null ? "" : " when " + condition.parent() + " in " + condition.values());
    }

    @Override
    public Categorical when(String parent, Object... values) {
        return new Categorical(name, choices, new Condition(parent, List.of(values)));
    }
}
