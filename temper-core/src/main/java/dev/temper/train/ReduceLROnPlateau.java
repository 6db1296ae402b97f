package dev.temper.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Multiplies the learning rate by {@code factor} when a monitored quantity has stopped improving, with the
 * semantics of Keras's {@code keras.callbacks.ReduceLROnPlateau}
 * (https://keras.io/api/callbacks/reduce_lr_on_plateau/). At the end of each epoch:
 * <ol>
 *   <li>during a cooldown ({@code cooldownCounter > 0}) the counter is decremented and {@code wait} reset to 0;
 *   <li>if the value improves ({@code value < best - minDelta} in MIN mode, {@code value > best + minDelta} in MAX
 *       mode; {@code best} starts at +/-infinity) it becomes the best and {@code wait} is reset;
 *   <li>otherwise, outside a cooldown, {@code wait += 1}; when {@code wait >= patience} and the current rate is
 *       above {@code minLearningRate} (compared in float32, as Keras does), the rate becomes
 *       {@code max(rate * factor, minLearningRate)}, the cooldown starts ({@code cooldown} epochs) and
 *       {@code wait} is reset. At or below the minimum nothing changes (and {@code wait} keeps growing).
 * </ol>
 * The new rate is set with {@link TrainingControl#setLearningRate}, which drops a step schedule set on the
 * optimizer. The direction of AUTO mode follows {@link Monitor} (Keras's is: maximize when the name contains "acc").
 */
public final class ReduceLROnPlateau implements StatefulCallback {
    private final Monitor monitor;
    private final double factor;
    private final int patience;
    private final double minDelta;
    private final int cooldown;
    private final double minLearningRate;

    private double best;
    private int wait;
    private int cooldownCounter;
    private boolean resumed;

    public ReduceLROnPlateau(String monitor, MonitorMode mode, double factor, int patience, double minDelta,
                             int cooldown, double minLearningRate) {
        this.monitor = Monitor.of(monitor, mode);
        if (!(factor >= 0 && factor < 1.0)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: factor must be in [0, 1), got " + factor);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("ReduceLROnPlateau: patience must be >= 0, got " + patience);
        }
        if (!Double.isFinite(minDelta) || minDelta < 0) {
            throw new IllegalArgumentException("ReduceLROnPlateau: minDelta must be finite and >= 0, got " + minDelta);
        }
        if (cooldown < 0) {
            throw new IllegalArgumentException("ReduceLROnPlateau: cooldown must be >= 0, got " + cooldown);
        }
        if (!(minLearningRate >= 0) || !Double.isFinite(minLearningRate)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: minLearningRate must be finite and >= 0, got " + minLearningRate);
        }
        this.factor = factor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.cooldown = cooldown;
        this.minLearningRate = minLearningRate;
        reset();
    }

    /** Keras's defaults: val_loss, auto, factor 0.1, patience 10, minDelta 1e-4, cooldown 0, minLearningRate 0. */
    public static ReduceLROnPlateau defaults() {
        return monitoring("val_loss");
    }

    /** Keras's defaults watching {@code monitor}. */
    public static ReduceLROnPlateau monitoring(String monitor) {
        return new ReduceLROnPlateau(monitor, MonitorMode.AUTO, 0.1, 10, 1e-4, 0, 0.0);
    }

    public ReduceLROnPlateau withMode(MonitorMode mode) {
        return new ReduceLROnPlateau(monitor.name(), mode, factor, patience, minDelta, cooldown, minLearningRate);
    }

    public ReduceLROnPlateau withFactor(double factor) {
        return new ReduceLROnPlateau(monitor.name(), monitor.mode(), factor, patience, minDelta, cooldown, minLearningRate);
    }

    public ReduceLROnPlateau withPatience(int patience) {
        return new ReduceLROnPlateau(monitor.name(), monitor.mode(), factor, patience, minDelta, cooldown, minLearningRate);
    }

    public ReduceLROnPlateau withMinDelta(double minDelta) {
        return new ReduceLROnPlateau(monitor.name(), monitor.mode(), factor, patience, minDelta, cooldown, minLearningRate);
    }

    public ReduceLROnPlateau withCooldown(int cooldown) {
        return new ReduceLROnPlateau(monitor.name(), monitor.mode(), factor, patience, minDelta, cooldown, minLearningRate);
    }

    public ReduceLROnPlateau withMinLearningRate(double minLearningRate) {
        return new ReduceLROnPlateau(monitor.name(), monitor.mode(), factor, patience, minDelta, cooldown, minLearningRate);
    }

    public Monitor monitor() {
        return monitor;
    }

    public double factor() {
        return factor;
    }

    public int patience() {
        return patience;
    }

    public double minDelta() {
        return minDelta;
    }

    public int cooldown() {
        return cooldown;
    }

    public double minLearningRate() {
        return minLearningRate;
    }

    private void reset() {
        best = monitor.higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        wait = 0;
        cooldownCounter = 0;
    }

    @Override
    public void onTrainBegin(TrainingControl control) {
        if (!resumed) {
            reset();
        }
        resumed = false;
    }

    @Override
    public void onEpochEnd(EpochRecord record, TrainingControl control) {
        double current = monitor.value(record);
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        boolean improved = monitor.higherIsBetter() ? current > best + minDelta : current < best - minDelta;
        if (improved) {
            best = current;
            wait = 0;
        } else if (cooldownCounter <= 0) {
            wait++;
            if (wait >= patience) {
                double old = control.learningRate();
                if (old > (float) minLearningRate) {
                    control.setLearningRate(Math.max(old * factor, minLearningRate));
                    cooldownCounter = cooldown;
                    wait = 0;
                }
            }
        }
    }

    /** The state as plain numbers: {@code best}, {@code wait}, {@code cooldown_counter}. */
    public Map<String, Double> state() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("best", best);
        out.put("wait", (double) wait);
        out.put("cooldown_counter", (double) cooldownCounter);
        return Collections.unmodifiableMap(out);
    }

    /** Loads a {@link #state()}; the next {@code fit} continues from it. */
    public void restore(Map<String, Double> state) {
        for (String key : new String[] {"best", "wait", "cooldown_counter"}) {
            if (state.get(key) == null) {
                throw new IllegalArgumentException("ReduceLROnPlateau.restore: state lacks '" + key + "', got keys " + state.keySet());
            }
        }
        best = state.get("best");
        wait = (int) Math.round(state.get("wait"));
        cooldownCounter = (int) Math.round(state.get("cooldown_counter"));
        resumed = true;
    }

    /** {@link #state()} as a callback state, for a {@link TrainingCheckpoint}. */
    @Override
    public CallbackState exportState() {
        return CallbackState.ofNumbers(state());
    }

    @Override
    public void restoreState(CallbackState state) {
        restore(state.numbers());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ReduceLROnPlateau(%s, %s, factor=%s, patience=%d, minDelta=%s, cooldown=%d, minLearningRate=%s)",
                monitor.name(), monitor.mode(), factor, patience, minDelta, cooldown, minLearningRate);
    }
}
