package dev.temper.cli.config;

import dev.temper.tune.SearchSpace;
import java.util.List;
import java.util.Map;

/**
 * A {@code temper tune} file: a base run (any {@code temper train} keys) and how to search it.
 *
 * @param base the run every trial starts from; search values are written into it by key
 * @param baseConfig the base run as parsed (its seed splits the data, its batch size and threads are used)
 * @param space the parameters searched, by name
 * @param keys for each parameter, the run-file keys its value is written to
 * @param trials configurations for random, tpe, gp and asha
 * @param maxEpochs epochs of a full-budget trial; Hyperband's and ASHA's largest rung
 * @param minEpochs ASHA's smallest rung
 * @param gridPoints values per continuous range for grid search
 * @param folds k-fold cross-validation per grid point (0: the validation split instead)
 * @param monitor what a trial is judged by (val_accuracy, val_loss, ...)
 * @param seed the study seed (trial seeds derive from it)
 * @param parallel trials at once
 * @param retrain retrain the best configuration on training plus validation data and save it
 */
public record TuneConfig(RunTemplate base, TrainConfig baseConfig, SearchSpace space, Map<String, List<String>> keys,
                         StrategyKind strategy, int trials, int maxEpochs, int minEpochs, int eta, int gridPoints, int folds,
                         PrunerKind pruner, String monitor, long seed, int parallel, boolean retrain) {

    /** The run-file values of one configuration: each parameter's value under each of its keys. */
    public Map<String, Object> runValues(dev.temper.tune.Configuration c) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        c.values().forEach((name, value) -> {
            for (String key : keys.get(name)) {
                out.put(key, value);
            }
        });
        return out;
    }
}
