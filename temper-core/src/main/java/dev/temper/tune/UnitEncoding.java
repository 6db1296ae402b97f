package dev.temper.tune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configurations as points of the unit cube for a Gaussian process: one coordinate per numeric parameter
 * ({@link Hyperparameter#toUnit}), one per choice of a categorical (one-hot, as Snoek et al. 2012 do, so that no
 * order among choices is invented). An inactive parameter's coordinates are 0; decoding re-applies the conditions,
 * so a point decodes to a valid configuration and re-encodes to its canonical form.
 */
final class UnitEncoding {
    private final SearchSpace space;
    private final int[] offsets;
    private final int dimensions;

    UnitEncoding(SearchSpace space) {
        this.space = space;
        List<Hyperparameter> ps = space.parameters();
        offsets = new int[ps.size()];
        int d = 0;
        for (int i = 0; i < ps.size(); i++) {
            offsets[i] = d;
            d += ps.get(i) instanceof Categorical c ? c.choices().size() : 1;
        }
        dimensions = d;
    }

    int dimensions() {
        return dimensions;
    }

    double[] encode(Configuration c) {
        double[] x = new double[dimensions];
        List<Hyperparameter> ps = space.parameters();
        for (int i = 0; i < ps.size(); i++) {
            Hyperparameter p = ps.get(i);
            if (!c.has(p.name())) {
                continue;
            }
            if (p instanceof Categorical cat) {
                x[offsets[i] + cat.indexOf(c.get(p.name()))] = 1;
            } else {
                x[offsets[i]] = p.toUnit(c.get(p.name()));
            }
        }
        return x;
    }

    Configuration decode(double[] x) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Hyperparameter> ps = space.parameters();
        for (int i = 0; i < ps.size(); i++) {
            Hyperparameter p = ps.get(i);
            if (!SearchSpace.isActive(p, values)) {
                continue;
            }
            if (p instanceof Categorical cat) {
                int best = 0;
                for (int k = 1; k < cat.choices().size(); k++) {
                    if (x[offsets[i] + k] > x[offsets[i] + best]) {
                        best = k;
                    }
                }
                values.put(p.name(), cat.choices().get(best));
            } else {
                values.put(p.name(), p.fromUnit(x[offsets[i]]));
            }
        }
        return new Configuration(values);
    }
}
