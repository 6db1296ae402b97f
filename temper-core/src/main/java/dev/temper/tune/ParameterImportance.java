package dev.temper.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first estimate of how much each parameter matters: the correlation ratio {@code eta^2} (Pearson 1903), the
 * share of the variance of the trials' values explained by grouping them by the parameter alone (by choice for a
 * categorical, by quantile bins of about equal size for a range). 0 means the parameter's value tells nothing about
 * the result; 1 that it tells everything. It sees each parameter alone, so interactions are missed (fANOVA,
 * Hutter et al. 2014, would catch them); with few trials it overstates, since bins fit noise too.
 */
public final class ParameterImportance {
    private ParameterImportance() {}

    /**
     * {@code eta^2} per parameter over the complete trials of the largest budget that has at least 5 of them
     * (all complete trials when none has); NaN for a parameter active in fewer than 4 of them.
     */
    public static Map<String, Double> estimate(SearchSpace space, List<Trial> trials) {
        List<Trial> used = comparable(trials);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Hyperparameter p : space.parameters()) {
            List<double[]> points = new ArrayList<>();
            for (Trial t : used) {
                if (t.configuration().has(p.name())) {
                    points.add(new double[] {p.toUnit(t.configuration().get(p.name())), t.value()});
                }
            }
            out.put(p.name(), points.size() < 4 ? Double.NaN : correlationRatio(points, p instanceof Categorical c ? c.choices().size() : 0));
        }
        return out;
    }

    /** The trials whose values compare: complete, finite, all at one budget. */
    public static List<Trial> comparable(List<Trial> trials) {
        Map<Integer, List<Trial>> byBudget = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        List<Trial> all = new ArrayList<>();
        for (Trial t : trials) {
            if (t.state() == TrialState.COMPLETE && Double.isFinite(t.value())) {
                byBudget.computeIfAbsent(t.budget(), b -> new ArrayList<>()).add(t);
                all.add(t);
            }
        }
        for (List<Trial> group : byBudget.values()) {
            if (group.size() >= 5) {
                return group;
            }
        }
        return all;
    }

    /** Groups by category ({@code categories > 0}) or by about {@code min(5, n / 3)} quantile bins. */
    static double correlationRatio(List<double[]> points, int categories) {
        int n = points.size();
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        int[] group = new int[n];
        int groups;
        if (categories > 0) {
            groups = categories;
            for (int i = 0; i < n; i++) {
                group[i] = (int) Math.round(points.get(i)[0] * (categories - 1));
            }
        } else {
            groups = Math.max(2, Math.min(5, n / 3));
            for (int i = 0; i < n; i++) {
                group[i] = Math.min(groups - 1, i * groups / n);
            }
        }
        double mean = 0;
        for (double[] p : points) {
            mean += p[1];
        }
        mean /= n;
        double[] sums = new double[groups];
        int[] counts = new int[groups];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double y = points.get(i)[1];
            sums[group[i]] += y;
            counts[group[i]]++;
            total += (y - mean) * (y - mean);
        }
        if (total == 0) {
            return 0;
        }
        double between = 0;
        for (int g = 0; g < groups; g++) {
            if (counts[g] > 0) {
                double m = sums[g] / counts[g];
                between += counts[g] * (m - mean) * (m - mean);
            }
        }
        return between / total;
    }
}
