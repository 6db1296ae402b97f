package dev.temper.cli;

import dev.temper.cli.config.CallbackConfig;
import dev.temper.cli.config.Settings;
import dev.temper.train.Callback;
import dev.temper.train.CsvLogger;
import dev.temper.train.EarlyStopping;
import dev.temper.train.ModelCheckpoint;
import dev.temper.train.MonitorMode;
import dev.temper.train.ReduceLROnPlateau;
import dev.temper.train.TerminateOnNaN;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the run's {@link CallbackConfig}s into the library's callbacks, in the config's order. */
final class CallbackFactory {
    private CallbackFactory() {}

    /** The callbacks, and the early stopping among them (null when off) for its report. */
    record Built(List<Callback> callbacks, EarlyStopping earlyStopping) {}

    /** @param runDirectory where a CSV logger's relative file goes */
    static Built build(List<CallbackConfig> configs, Path runDirectory) {
        List<Callback> callbacks = new ArrayList<>();
        EarlyStopping earlyStopping = null;
        for (CallbackConfig config : configs) {
            Settings s = config.settings();
            switch (config.kind()) {
                case TERMINATE_ON_NAN -> callbacks.add(new TerminateOnNaN(s.flag("check_parameters")));
                case REDUCE_LR_ON_PLATEAU -> callbacks.add(new ReduceLROnPlateau(s.text("monitor"), mode(s),
                        s.number("factor"), s.integer("patience"), s.number("min_delta"), s.integer("cooldown"),
                        s.number("min_learning_rate")));
                case EARLY_STOPPING -> {
                    earlyStopping = earlyStopping(s);
                    callbacks.add(earlyStopping);
                }
                case MODEL_CHECKPOINT -> callbacks.add(modelCheckpoint(s, runDirectory));
                case CSV_LOGGER -> callbacks.add(new CsvLogger(runDirectory.resolve(s.text("file")), s.flag("append")));
            }
        }
        return new Built(List.copyOf(callbacks), earlyStopping);
    }

    private static EarlyStopping earlyStopping(Settings s) {
        EarlyStopping e = EarlyStopping.monitoring(s.text("monitor"))
                .withMode(mode(s))
                .withMinDelta(s.number("min_delta"))
                .withPatience(s.integer("patience"))
                .withRestoreBestWeights(s.flag("restore_best_weights"))
                .withStartFromEpoch(s.integer("start_from_epoch"));
        if (s.isSet("baseline")) {
            e = e.withBaseline(s.number("baseline"));
        }
        if (s.isSet("divergence_threshold")) {
            e = e.withDivergenceThreshold(s.number("divergence_threshold"));
        }
        if (s.isSet("time_limit_seconds")) {
            e = e.withTimeLimitSeconds(s.number("time_limit_seconds"));
        }
        return e;
    }

    private static ModelCheckpoint modelCheckpoint(Settings s, Path runDirectory) {
        ModelCheckpoint c = ModelCheckpoint.to(runDirectory.resolve(s.text("file")))
                .withMonitor(s.text("monitor"))
                .withMode(mode(s))
                .withSaveBestOnly(s.flag("save_best_only"))
                .withSaveWeightsOnly(s.flag("save_weights_only"));
        return s.isSet("initial_value_threshold") ? c.withInitialValueThreshold(s.number("initial_value_threshold")) : c;
    }

    private static MonitorMode mode(Settings s) {
        return MonitorMode.valueOf(s.text("mode").toUpperCase(Locale.ROOT));
    }
}
