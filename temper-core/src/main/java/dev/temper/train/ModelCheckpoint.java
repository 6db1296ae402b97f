package dev.temper.train;

import dev.temper.io.NamedTensors;
import dev.temper.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves the model at the end of epochs, with the semantics of Keras's {@code keras.callbacks.ModelCheckpoint}
 * (https://keras.io/api/callbacks/model_checkpoint/): to a path made from a pattern ({@code {epoch:03d}},
 * {@code {val_loss:.4f}}, see {@link CheckpointPath}), either every epoch or, with {@link #withSaveBestOnly}, only
 * when the monitored quantity beats the best value so far (strictly, without a minimum change, as in Keras; NaN
 * never does; the first counted value always does unless {@link #withInitialValueThreshold} sets a best to beat).
 * A pattern without placeholders is overwritten by each save, so it ends holding the best (or last) epoch.
 *
 * <p>What is saved: with {@link #withSaveWeightsOnly}, the weights (parameters and buffers by path) as a plain
 * safetensors file, like {@code temper train}'s {@code model.safetensors}, with the epoch and the monitored value in
 * its metadata; otherwise (the default, as in Keras) a full {@link TrainingCheckpoint} ({@link CheckpointFile}),
 * from which the run can be resumed. Files are written atomically, in {@link Callback#onCheckpoint}.
 *
 * <p>As in Keras, the best value belongs to the callback object and carries over from one fit to the next; it is
 * also part of its {@link StatefulCallback} state, so a resumed run saves exactly the epochs the uninterrupted run
 * would have.
 */
public final class ModelCheckpoint implements StatefulCallback {
    private static final String WEIGHTS_FORMAT = "temper model weights (safetensors), parameters and buffers by dotted path";

    private final CheckpointPath path;
    private final Monitor monitor;
    private final boolean saveBestOnly;
    private final boolean saveWeightsOnly;
    private final double initialValueThreshold;
    private double best;
    private EpochRecord pending;
    private Path lastSaved;

    private ModelCheckpoint(CheckpointPath path, Monitor monitor, boolean saveBestOnly, boolean saveWeightsOnly,
                            double initialValueThreshold) {
        if (Double.isInfinite(initialValueThreshold)) {
            throw new IllegalArgumentException("ModelCheckpoint: initialValueThreshold must be finite (NaN for none), got "
                    + initialValueThreshold);
        }
        this.path = path;
        this.monitor = monitor;
        this.saveBestOnly = saveBestOnly;
        this.saveWeightsOnly = saveWeightsOnly;
        this.initialValueThreshold = initialValueThreshold;
        this.best = Double.isNaN(initialValueThreshold)
                ? (monitor.higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                : initialValueThreshold;
    }

    /**
     * Keras's defaults: a full checkpoint every epoch to {@code pattern}; monitor {@code val_loss} (mode auto) for
     * when best-only is turned on; no initial threshold.
     */
    public static ModelCheckpoint to(Path pattern) {
        if (pattern == null) {
            throw new IllegalArgumentException("ModelCheckpoint: path pattern must not be null");
        }
        return new ModelCheckpoint(new CheckpointPath(pattern.toString()), Monitor.of("val_loss", MonitorMode.AUTO),
                false, false, Double.NaN);
    }

    /** Watches {@code name} in mode AUTO (see {@link Monitor}). */
    public ModelCheckpoint withMonitor(String name) {
        return new ModelCheckpoint(path, Monitor.of(name, MonitorMode.AUTO), saveBestOnly, saveWeightsOnly, initialValueThreshold);
    }

    public ModelCheckpoint withMode(MonitorMode mode) {
        return new ModelCheckpoint(path, Monitor.of(monitor.name(), mode), saveBestOnly, saveWeightsOnly, initialValueThreshold);
    }

    public ModelCheckpoint withSaveBestOnly(boolean saveBestOnly) {
        return new ModelCheckpoint(path, monitor, saveBestOnly, saveWeightsOnly, initialValueThreshold);
    }

    public ModelCheckpoint withSaveWeightsOnly(boolean saveWeightsOnly) {
        return new ModelCheckpoint(path, monitor, saveBestOnly, saveWeightsOnly, initialValueThreshold);
    }

    /** With best-only saving, a value the monitored quantity must beat before the first save (NaN for none). */
    public ModelCheckpoint withInitialValueThreshold(double threshold) {
        return new ModelCheckpoint(path, monitor, saveBestOnly, saveWeightsOnly, threshold);
    }

    public Monitor monitor() {
        return monitor;
    }

    /** The best monitored value saved so far (the initial threshold, or +/-infinity, before any). */
    public double best() {
        return best;
    }

    /** The file written last, or null before the first save. */
    public Path lastSaved() {
        return lastSaved;
    }

    /** Decides here, so that the best value is updated before any checkpoint of this epoch is taken. */
    @Override
    public void onEpochEnd(EpochRecord record, TrainingControl control) {
        if (!saveBestOnly) {
            pending = record;
            return;
        }
        double current = monitor.value(record);
        if (monitor.improves(current, best, 0.0)) {
            best = current;
            pending = record;
        }
    }

    @Override
    public void onCheckpoint(int epoch, TrainingControl control) {
        if (pending == null || pending.epoch() != epoch) {
            return;
        }
        Path file = path.format(pending);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("epoch", Integer.toString(epoch));
        if (saveBestOnly) {
            metadata.put(monitor.name(), Double.toString(monitor.value(pending)));
        }
        if (saveWeightsOnly) {
            Map<String, String> weightsMetadata = new LinkedHashMap<>();
            weightsMetadata.put("format", WEIGHTS_FORMAT);
            weightsMetadata.putAll(metadata);
            NamedTensors.save(file, liveWeights(control), weightsMetadata);
        } else {
            CheckpointFile.write(file, control.checkpoint(metadata));
        }
        lastSaved = file;
        pending = null;
    }

    /** Parameters and buffers by path, as they are (the writer copies them into the file). */
    private static Map<String, Tensor> liveWeights(TrainingControl control) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        control.namedParameters().forEach((p, parameter) -> out.put(p, parameter.value()));
        out.putAll(control.namedBuffers());
        return out;
    }

    /** {@code best}. */
    @Override
    public CallbackState exportState() {
        return CallbackState.ofNumbers(Map.of("best", best));
    }

    @Override
    public void restoreState(CallbackState state) {
        best = state.number("ModelCheckpoint", "best");
        pending = null;
    }

    @Override
    public String toString() {
        return "ModelCheckpoint(" + path + (saveBestOnly ? ", best " + monitor.name() + " " + monitor.mode() : "")
                + (saveWeightsOnly ? ", weights only" : "") + ")";
    }
}
