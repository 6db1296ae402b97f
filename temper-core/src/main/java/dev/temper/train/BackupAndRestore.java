package dev.temper.train;

import dev.temper.io.ModelFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a run survive a crash, with the semantics of Keras's {@code keras.callbacks.BackupAndRestore}
 * (https://keras.io/api/callbacks/backup_and_restore/): at the end of every epoch the whole training state
 * ({@link TrainingCheckpoint}) replaces the backup file {@code directory/backup.safetensors} (not after an epoch cut
 * short by {@link TrainingControl#stopNow}: the backup keeps the last whole epoch); when a
 * {@link Trainer#fit} begins and the backup exists, the run resumes from it; when the fit ends (completed or stopped
 * by a callback, not failed), the backup is deleted unless {@link #withDeleteOnCompletion} says to keep it.
 *
 * <p>Where we differ from Keras: the backup holds everything a run needs (optimizer state, generator streams,
 * history, callback states), so the resumed run is bit for bit the uninterrupted one (Keras documents its restored
 * state as the model's weights and the epoch number, and warns that changed fit arguments may invalidate it; we
 * refuse a backup whose batch size, training-set size, generator streams, callbacks or weights do not match). The
 * backup is written after every callback has seen the epoch's end ({@link Callback#onCheckpoint}), so its place in
 * the callback list does not matter. Writes are atomic (temporary file, fsync, rename): a crash while writing leaves the previous backup. Backups are
 * per epoch only: an interrupted epoch is trained again from its start, exactly as the first time. (Keras's
 * {@code save_freq} in batches is not offered: resuming mid-epoch exactly would also need each metric's running
 * state.)
 */
public final class BackupAndRestore implements ResumeSource {
    /** The backup's file name inside the backup directory. */
    public static final String FILE_NAME = "backup.safetensors";

    private final Path directory;
    private final boolean deleteOnCompletion;
    private final Map<String, String> metadata;

    /** Backs up into {@code directory} (created when needed), deleting the backup when the fit ends. */
    public BackupAndRestore(Path directory) {
        this(directory, true, Map.of());
    }

    private BackupAndRestore(Path directory, boolean deleteOnCompletion, Map<String, String> metadata) {
        if (directory == null) {
            throw new IllegalArgumentException("BackupAndRestore: directory must not be null");
        }
        this.directory = directory;
        this.deleteOnCompletion = deleteOnCompletion;
        this.metadata = Map.copyOf(metadata);
    }

    /** Keras's {@code delete_checkpoint}: false keeps the last backup after the fit ends. */
    public BackupAndRestore withDeleteOnCompletion(boolean delete) {
        return new BackupAndRestore(directory, delete, metadata);
    }

    /** Strings stored in every backup (which run it belongs to), read back with {@link CheckpointFile#readMetadata}. */
    public BackupAndRestore withMetadata(Map<String, String> metadata) {
        return new BackupAndRestore(directory, deleteOnCompletion, metadata);
    }

    /** Where the backup is written. */
    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** The backup, read and validated, when the file exists. */
    @Override
    public Optional<TrainingCheckpoint> checkpointToResume() {
        return Files.exists(file()) ? Optional.of(CheckpointFile.read(file())) : Optional.empty();
    }

    @Override
    public void onCheckpoint(int epoch, TrainingControl control) {
        CheckpointFile.write(file(), control.checkpoint(metadata));
    }

    @Override
    public void onTrainEnd(History history, TrainingControl control) {
        if (!deleteOnCompletion) {
            return;
        }
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new ModelFileException(file(), "cannot delete the backup of the finished run: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "the backup " + file();
    }
}
