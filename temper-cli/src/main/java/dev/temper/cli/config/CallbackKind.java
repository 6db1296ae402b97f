package dev.temper.cli.config;

import dev.temper.train.CsvLogger;
import dev.temper.train.EarlyStopping;
import dev.temper.train.ModelCheckpoint;
import dev.temper.train.MonitorMode;
import dev.temper.train.ReduceLROnPlateau;
import dev.temper.train.TerminateOnNaN;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The callbacks a run file can switch on, with Keras's settings and names; defaults are read from the library's
 * callbacks (which have Keras's). They run in this order, whatever order the run file lists them in.
 *
 * <p>Monitored quantities are the history's columns: {@code loss}, {@code val_loss}, {@code accuracy},
 * {@code val_accuracy}, {@code total_loss}, {@code penalty}, metric names such as {@code val_roc_auc}.
 */
public enum CallbackKind implements ConfigKind {
    /** Stops the run when a NaN or infinite batch loss or parameter appears, naming the step. */
    TERMINATE_ON_NAN(List.of(Setting.flag("check_parameters", Defaults.TERMINATE_ON_NAN.checkParameters()))),
    /** Multiplies the rate by {@code factor} after {@code patience} epochs without improvement. */
    REDUCE_LR_ON_PLATEAU(List.of(
            Setting.text("monitor", Defaults.PLATEAU.monitor().name()),
            Setting.choice("mode", Defaults.AUTO, Defaults.MODES),
            Setting.number("factor", Range.FRACTION, Defaults.PLATEAU.factor()),
            Setting.integer("patience", Range.AT_LEAST_ZERO, Defaults.PLATEAU.patience()),
            Setting.number("min_delta", Range.AT_LEAST_ZERO, Defaults.PLATEAU.minDelta()),
            Setting.integer("cooldown", Range.AT_LEAST_ZERO, Defaults.PLATEAU.cooldown()),
            Setting.number("min_learning_rate", Range.AT_LEAST_ZERO, Defaults.PLATEAU.minLearningRate()))),
    /**
     * Keras's EarlyStopping (every key) plus two guards of the library: {@code divergence_threshold} (stop as soon
     * as the value is non-finite or worse than it) and {@code time_limit_seconds}; both off when left out, as is
     * {@code baseline}.
     */
    EARLY_STOPPING(List.of(
            Setting.text("monitor", Defaults.EARLY.monitor().name()),
            Setting.choice("mode", Defaults.EARLY.mode().name().toLowerCase(Locale.ROOT), Defaults.MODES),
            Setting.number("min_delta", Range.AT_LEAST_ZERO, Defaults.EARLY.minDelta()),
            Setting.integer("patience", Range.AT_LEAST_ZERO, Defaults.EARLY.patience()),
            Setting.optionalNumber("baseline", Range.ANY),
            Setting.flag("restore_best_weights", Defaults.EARLY.restoreBestWeights()),
            Setting.integer("start_from_epoch", Range.AT_LEAST_ZERO, Defaults.EARLY.startFromEpoch()),
            Setting.optionalNumber("divergence_threshold", Range.ANY),
            Setting.optionalNumber("time_limit_seconds", Range.POSITIVE))),
    /**
     * Keras's ModelCheckpoint: saves to {@code file} (relative to the run directory; {@code {epoch:03d}} and
     * {@code {val_loss:.4f}} style placeholders) every epoch, or only when the monitored value beats the best so
     * far; a full resumable checkpoint unless {@code save_weights_only}.
     */
    MODEL_CHECKPOINT(List.of(
            Setting.text("file", Defaults.CHECKPOINT_FILE),
            Setting.text("monitor", Defaults.CHECKPOINT.monitor().name()),
            Setting.choice("mode", Defaults.AUTO, Defaults.MODES),
            Setting.flag("save_best_only", false),
            Setting.flag("save_weights_only", false),
            Setting.optionalNumber("initial_value_threshold", Range.ANY))),
    /** Appends one row per epoch to {@code file} (in the run directory) as the run goes, so rows survive a crash. */
    CSV_LOGGER(List.of(
            Setting.text("file", Defaults.CSV_LOG_FILE),
            Setting.flag("append", Defaults.CSV_LOGGER.append())));

    private final List<Setting> settings;

    CallbackKind(List<Setting> settings) {
        this.settings = settings;
    }

    @Override
    public String section() {
        return "callback";
    }

    @Override
    public List<Setting> settings() {
        return settings;
    }

    /** The library's callbacks as built with their defaults, read for their settings only. */
    private static final class Defaults {
        static final EarlyStopping EARLY = EarlyStopping.defaults();
        static final ReduceLROnPlateau PLATEAU = ReduceLROnPlateau.defaults();
        static final TerminateOnNaN TERMINATE_ON_NAN = new TerminateOnNaN();
        static final CsvLogger CSV_LOGGER = new CsvLogger(Path.of("unused.csv"));
        static final ModelCheckpoint CHECKPOINT = ModelCheckpoint.to(Path.of("unused.safetensors"));
        /** Keras's ModelCheckpoint has no default path either; one file per epoch keeps every save. */
        static final String CHECKPOINT_FILE = "checkpoints/epoch-{epoch:03d}.safetensors";
        /** ReduceLROnPlateau keeps its resolved direction only; its default mode is AUTO, as EarlyStopping's. */
        static final String AUTO = MonitorMode.AUTO.name().toLowerCase(Locale.ROOT);
        static final List<String> MODES =
                Arrays.stream(MonitorMode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
        /** The one default of this file with no library counterpart: Keras's CSVLogger has no default name. */
        static final String CSV_LOG_FILE = "training_log.csv";
    }
}
