package dev.temper.train;

import dev.temper.autograd.Parameter;
import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.util.Map;

/**
 * Stops the run when a batch loss or a parameter becomes NaN or infinite (Keras's {@code TerminateOnNaN},
 * https://keras.io/api/callbacks/terminate_on_nan/, checks the loss only). After every step it checks the batch
 * loss, then every parameter's values in path order (one pass over the weights per step); the reason names the
 * step, the epoch and the loss value or the first non-finite parameter. Like Keras's, it stops at that batch
 * ({@link TrainingControl#stopNow}): the step that produced the bad value is the last one applied, the epoch ends
 * there and its record says so ({@link EpochRecord#cutShortAtStep}); the record's loss is then that of the batches
 * trained, the bad one included (so it is non-finite when the loss was).
 */
public final class TerminateOnNaN implements Callback {
    private final boolean checkParameters;
    private String reason = "";

    /** Checks the loss and the parameters. */
    public TerminateOnNaN() {
        this(true);
    }

    /** Checks the loss, and the parameters if {@code checkParameters}. */
    public TerminateOnNaN(boolean checkParameters) {
        this.checkParameters = checkParameters;
    }

    @Override
    public void onTrainBegin(TrainingControl control) {
        reason = "";
    }

    @Override
    public void onBatchEnd(int epoch, long step, double batchLoss, TrainingControl control) {
        if (!reason.isEmpty()) {
            return;
        }
        if (!Double.isFinite(batchLoss)) {
            reason = "TerminateOnNaN: batch loss became " + batchLoss + " at step " + step + " (epoch " + epoch + ")";
        } else if (checkParameters) {
            for (Map.Entry<String, Parameter> p : control.namedParameters().entrySet()) {
                if (!allFinite(p.getValue().value())) {
                    reason = "TerminateOnNaN: parameter '" + p.getKey() + "' became non-finite at step " + step
                            + " (epoch " + epoch + ")";
                    break;
                }
            }
        }
        if (!reason.isEmpty()) {
            control.stopNow(reason);
        }
    }

    /** Whether the parameters are checked after every step, not only the loss. */
    public boolean checkParameters() {
        return checkParameters;
    }

    /** Why it stopped the run, or empty. */
    public String reason() {
        return reason;
    }

    private static boolean allFinite(Tensor t) {
        Tensor c = t.contiguous();
        int n = c.size();
        int off = c.offset();
        if (c.dtype() == DType.FLOAT32) {
            float[] a = c.floatData();
            for (int i = 0; i < n; i++) {
                if (!Float.isFinite(a[off + i])) {
                    return false;
                }
            }
        } else {
            double[] a = c.doubleData();
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(a[off + i])) {
                    return false;
                }
            }
        }
        return true;
    }
}
