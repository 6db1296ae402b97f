package dev.temper.train;

import dev.temper.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Stops training when a monitored quantity has stopped improving, with the semantics of Keras's
 * {@code keras.callbacks.EarlyStopping} (https://keras.io/api/callbacks/early_stopping/, Keras 3 source
 * {@code keras/src/callbacks/early_stopping.py}). At the end of each epoch {@code e} (Keras index {@code e-1}):
 * <ol>
 *   <li>epochs with {@code e-1 < startFromEpoch} are ignored entirely (warm-up);
 *   <li>{@code wait += 1}; the value improves when it beats the best so far by more than {@code minDelta}
 *       ({@code value + minDelta < best} in MIN mode, {@code value - minDelta > best} in MAX mode; the first
 *       counted epoch always improves). On improvement the best value, epoch and (with restoreBestWeights) a copy
 *       of the weights are kept, and {@code wait} is reset to 0 only if the value also beats {@code baseline}
 *       (when one is set) by more than minDelta; the epoch then ends without a stop check (as in Keras);
 *   <li>otherwise, if {@code wait >= patience} and this is not the first epoch, the run stops after this epoch.
 * </ol>
 * So with a baseline that is never beaten, training stops at the first non-improving epoch once {@code patience}
 * epochs have been counted. With {@code restoreBestWeights}, at the end of the run (stopped or not, as in Keras 3)
 * the parameters and buffers are set to the copy taken at the best epoch; if no epoch was ever counted as an
 * improvement after a {@link #restore}, the weights of the first counted epoch stand in (Keras's fallback).
 *
 * <p>Beyond Keras: a divergence guard ({@link #withDivergenceThreshold}: stop as soon as the monitored value is
 * NaN or infinite, or worse than the threshold; checked in every epoch, warm-up included) and a wall-clock limit
 * ({@link #withTimeLimitSeconds}, measured from the start of this fit). A monitored name the record lacks is an
 * error (Keras only warns and skips the epoch). Without the guard, a NaN value is simply never an improvement.
 *
 * <p>Configuration is immutable ({@code withX} returns a copy with fresh state); the counting state can be
 * exported as plain numbers ({@link #state()}) and the best weights as tensors ({@link #bestWeights()}) for a
 * resumed run, which loads them back with {@link #restore} and {@link #setBestWeights} before {@code fit}. As a
 * {@link StatefulCallback} it hands all of that (plus the stop reason and the seconds trained, for the time limit)
 * to a {@link TrainingCheckpoint}, so a run resumed by {@link BackupAndRestore} keeps counting patience where the
 * interrupted one was.
 */
public final class EarlyStopping implements StatefulCallback {
    private final String monitorName;
    private final MonitorMode mode;
    private final double minDelta;
    private final int patience;
    private final double baseline;
    private final boolean restoreBestWeights;
    private final int startFromEpoch;
    private final double divergenceThreshold;
    private final double timeLimitSeconds;

    private final Monitor monitor;
    private boolean hasBest;
    private double best = Double.NaN;
    private int bestEpoch;
    private int wait;
    private int stoppedEpoch;
    private String reason = "";
    private boolean weightsRestored;
    private Map<String, Tensor> bestWeights;
    private boolean resumed;
    private double resumedElapsedSeconds;
    private long startNanos;

    private EarlyStopping(String monitorName, MonitorMode mode, double minDelta, int patience, double baseline,
                          boolean restoreBestWeights, int startFromEpoch, double divergenceThreshold, double timeLimitSeconds) {
        this.monitor = Monitor.of(monitorName, mode);
        if (!Double.isFinite(minDelta)) {
            throw new IllegalArgumentException("EarlyStopping: minDelta must be finite, got " + minDelta);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("EarlyStopping: patience must be >= 0, got " + patience);
        }
        if (startFromEpoch < 0) {
            throw new IllegalArgumentException("EarlyStopping: startFromEpoch must be >= 0, got " + startFromEpoch);
        }
        if (Double.isInfinite(baseline)) {
            throw new IllegalArgumentException("EarlyStopping: baseline must be finite (NaN for none), got " + baseline);
        }
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("EarlyStopping: timeLimitSeconds must be > 0, got " + timeLimitSeconds);
        }
        this.monitorName = monitorName;
        this.mode = mode;
        this.minDelta = Math.abs(minDelta); // Keras takes abs(min_delta)
        this.patience = patience;
        this.baseline = baseline;
        this.restoreBestWeights = restoreBestWeights;
        this.startFromEpoch = startFromEpoch;
        this.divergenceThreshold = divergenceThreshold;
        this.timeLimitSeconds = timeLimitSeconds;
    }

    /** Keras's defaults: monitor val_loss, mode auto, minDelta 0, patience 0, no baseline, no restore, start 0. */
    public static EarlyStopping defaults() {
        return monitoring("val_loss");
    }

    /** The defaults, watching {@code monitor} (see {@link Monitor} for the names). */
    public static EarlyStopping monitoring(String monitor) {
        return new EarlyStopping(monitor, MonitorMode.AUTO, 0.0, 0, Double.NaN, false, 0, Double.NaN,
                Double.POSITIVE_INFINITY);
    }

    public EarlyStopping withMode(MonitorMode mode) {
        return new EarlyStopping(monitorName, mode, minDelta, patience, baseline, restoreBestWeights, startFromEpoch,
                divergenceThreshold, timeLimitSeconds);
    }

    /** An improvement must exceed this change (its absolute value is used, as in Keras). */
    public EarlyStopping withMinDelta(double minDelta) {
        return new EarlyStopping(monitorName, mode, minDelta, patience, baseline, restoreBestWeights, startFromEpoch,
                divergenceThreshold, timeLimitSeconds);
    }

    /** Epochs without improvement after which training stops. */
    public EarlyStopping withPatience(int patience) {
        return new EarlyStopping(monitorName, mode, minDelta, patience, baseline, restoreBestWeights, startFromEpoch,
                divergenceThreshold, timeLimitSeconds);
    }

    /** A value to beat: training stops if it is not beaten within {@code patience} epochs. NaN for none. */
    public EarlyStopping withBaseline(double baseline) {
        return new EarlyStopping(monitorName, mode, minDelta, patience, baseline, restoreBestWeights, startFromEpoch,
                divergenceThreshold, timeLimitSeconds);
    }

    public EarlyStopping withRestoreBestWeights(boolean restoreBestWeights) {
        return new EarlyStopping(monitorName, mode, minDelta, patience, baseline, restoreBestWeights, startFromEpoch,
                divergenceThreshold, timeLimitSeconds);
    }

    /** The first {@code startFromEpoch} epochs are a warm-up: not counted at all. */
    public EarlyStopping withStartFromEpoch(int startFromEpoch) {
        return new EarlyStopping(monitorName, mode, minDelta, patience, baseline, restoreBestWeights, startFromEpoch,
                divergenceThreshold, timeLimitSeconds);
    }

    /**
     * Stop after any epoch whose monitored value is non-finite or worse than {@code threshold} (above it in MIN
     * mode, below it in MAX mode). {@code +/-Infinity} checks finiteness only; NaN turns the guard off.
     */
    public EarlyStopping withDivergenceThreshold(double threshold) {
        return new EarlyStopping(monitorName, mode, minDelta, patience, baseline, restoreBestWeights, startFromEpoch,
                threshold, timeLimitSeconds);
    }

    /** Stop after the first epoch that ends more than {@code seconds} after this fit began. */
    public EarlyStopping withTimeLimitSeconds(double seconds) {
        return new EarlyStopping(monitorName, mode, minDelta, patience, baseline, restoreBestWeights, startFromEpoch,
                divergenceThreshold, seconds);
    }

    public Monitor monitor() {
        return monitor;
    }

    /** The mode as configured (AUTO unresolved; {@link #monitor()} has the resolved direction). */
    public MonitorMode mode() {
        return mode;
    }

    /** The change an improvement must exceed (its absolute value). */
    public double minDelta() {
        return minDelta;
    }

    public int patience() {
        return patience;
    }

    /** The value to beat, NaN for none. */
    public double baseline() {
        return baseline;
    }

    public boolean restoreBestWeights() {
        return restoreBestWeights;
    }

    public int startFromEpoch() {
        return startFromEpoch;
    }

    /** The divergence guard's threshold, NaN when the guard is off. */
    public double divergenceThreshold() {
        return divergenceThreshold;
    }

    /** The wall-clock limit, infinite when there is none. */
    public double timeLimitSeconds() {
        return timeLimitSeconds;
    }

    @Override
    public void onTrainBegin(TrainingControl control) {
        // a resumed run's time limit counts the time trained before the interruption too
        startNanos = System.nanoTime() - (resumed ? (long) (resumedElapsedSeconds * 1e9) : 0L);
        weightsRestored = false;
        if (!resumed) {
            stoppedEpoch = 0;
            reason = "";
            hasBest = false;
            best = Double.NaN;
            bestEpoch = 0;
            wait = 0;
            bestWeights = null;
        }
        resumed = false;
        resumedElapsedSeconds = 0;
    }

    @Override
    public void onEpochEnd(EpochRecord record, TrainingControl control) {
        double current = monitor.value(record);
        int epoch = record.epoch();
        if (diverged(current)) {
            stop(epoch, String.format(Locale.ROOT, "EarlyStopping: %s diverged at epoch %d: %s (threshold %s)",
                    monitor.name(), epoch, current, divergenceThreshold), control);
            return;
        }
        countEpoch(current, epoch, control);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        if (stoppedEpoch == 0 && elapsed > timeLimitSeconds) {
            stop(epoch, String.format(Locale.ROOT, "EarlyStopping: time limit of %s s reached after epoch %d (%.3f s)",
                    timeLimitSeconds, epoch, elapsed), control);
        }
    }

    /** Keras's on_epoch_end, step by step. */
    private void countEpoch(double current, int epoch, TrainingControl control) {
        if (epoch - 1 < startFromEpoch) {
            return;
        }
        if (restoreBestWeights && bestWeights == null) {
            bestWeights = control.snapshotWeights();
            bestEpoch = epoch;
        }
        wait++;
        if (!hasBest || monitor.improves(current, best, minDelta)) {
            hasBest = true;
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) {
                bestWeights = control.snapshotWeights();
            }
            if (Double.isNaN(baseline) || monitor.improves(current, baseline, minDelta)) {
                wait = 0;
            }
            return;
        }
        if (wait >= patience && epoch > 1) {
            String why = !Double.isNaN(baseline) && !monitor.improves(best, baseline, minDelta)
                    ? String.format(Locale.ROOT, "did not beat baseline %s within %d epochs", baseline, wait)
                    : String.format(Locale.ROOT, "did not improve by more than %s for %d epochs", minDelta, wait);
            stop(epoch, String.format(Locale.ROOT, "EarlyStopping: %s %s (best %s at epoch %d)", monitor.name(), why,
                    best, bestEpoch), control);
        }
    }

    private boolean diverged(double value) {
        if (Double.isNaN(divergenceThreshold)) {
            return false;
        }
        if (!Double.isFinite(value)) {
            return true;
        }
        return monitor.higherIsBetter() ? value < divergenceThreshold : value > divergenceThreshold;
    }

    private void stop(int epoch, String why, TrainingControl control) {
        stoppedEpoch = epoch;
        reason = why;
        control.stop(why);
    }

    @Override
    public void onTrainEnd(History history, TrainingControl control) {
        if (restoreBestWeights && bestWeights != null) {
            control.loadWeights(bestWeights);
            weightsRestored = true;
        }
    }

    public EarlyStoppingReport report() {
        return new EarlyStoppingReport(monitor.name(), bestEpoch, hasBest ? best : Double.NaN, stoppedEpoch, reason,
                weightsRestored);
    }

    /**
     * The counting state as plain numbers: {@code has_best} (0 or 1), {@code best}, {@code best_epoch},
     * {@code wait}, {@code stopped_epoch}.
     */
    public Map<String, Double> state() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("has_best", hasBest ? 1.0 : 0.0);
        out.put("best", best);
        out.put("best_epoch", (double) bestEpoch);
        out.put("wait", (double) wait);
        out.put("stopped_epoch", (double) stoppedEpoch);
        return Collections.unmodifiableMap(out);
    }

    /**
     * Loads a {@link #state()}; the next {@code fit} continues counting from it instead of starting afresh (a
     * restored stopped epoch is kept in the report).
     */
    public void restore(Map<String, Double> state) {
        for (String key : new String[] {"has_best", "best", "best_epoch", "wait", "stopped_epoch"}) {
            if (state.get(key) == null) {
                throw new IllegalArgumentException("EarlyStopping.restore: state lacks '" + key + "', got keys " + state.keySet());
            }
        }
        hasBest = state.get("has_best") != 0.0;
        best = state.get("best");
        bestEpoch = (int) Math.round(state.get("best_epoch"));
        wait = (int) Math.round(state.get("wait"));
        stoppedEpoch = (int) Math.round(state.get("stopped_epoch"));
        resumed = true;
    }

    /** {@link #state()} plus {@code elapsed_seconds}, the stop reason as text {@code reason}, the best weights as tensors. */
    @Override
    public CallbackState exportState() {
        Map<String, Double> numbers = new LinkedHashMap<>(state());
        numbers.put("elapsed_seconds", (System.nanoTime() - startNanos) / 1e9);
        return new CallbackState(numbers, Map.of("reason", reason), bestWeights());
    }

    @Override
    public void restoreState(CallbackState state) {
        double elapsed = state.number("EarlyStopping", "elapsed_seconds");
        String why = state.text("EarlyStopping", "reason");
        restore(state.numbers());
        setBestWeights(state.tensors());
        resumedElapsedSeconds = Math.max(0, elapsed);
        reason = why;
    }

    /** The weights copied at the best epoch (empty when none were kept). */
    public Map<String, Tensor> bestWeights() {
        return bestWeights == null ? Map.of() : bestWeights;
    }

    /** Loads a {@link #bestWeights()} export (copied) for a resumed run; empty means none. */
    public void setBestWeights(Map<String, Tensor> weights) {
        if (weights.isEmpty()) {
            bestWeights = null;
            return;
        }
        Map<String, Tensor> copy = new LinkedHashMap<>();
        weights.forEach((k, v) -> copy.put(k, v.copy()));
        bestWeights = Collections.unmodifiableMap(copy);
    }
}
