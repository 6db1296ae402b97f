package dev.temper.train;

import java.util.Optional;

/**
 * A callback that may hand {@link Trainer#fit} a checkpoint to continue from ({@link BackupAndRestore}: the backup
 * an interrupted run left). Asked once per fit, before any {@link #onTrainBegin}; at most one source of a trainer
 * may answer with a checkpoint. Its {@code toString()} names the source in errors.
 */
public interface ResumeSource extends Callback {

    /** The checkpoint to resume from, or empty to start afresh. */
    Optional<TrainingCheckpoint> checkpointToResume();
}
