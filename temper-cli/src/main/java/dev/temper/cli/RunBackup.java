package dev.temper.cli;

import dev.temper.cli.config.TrainConfig;
import dev.temper.io.ModelFileException;
import dev.temper.train.BackupAndRestore;
import dev.temper.train.Callback;
import dev.temper.train.CheckpointFile;
import dev.temper.train.EpochRecord;
import dev.temper.train.TrainingControl;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backups of {@code temper train}: every epoch the whole training state goes to {@code DIR/backup.safetensors}
 * ({@link BackupAndRestore}), tagged with the run's configuration; {@code --resume} continues from it. Without
 * {@code --resume} an existing backup is an error rather than something to overwrite or silently continue; with
 * it, a missing backup or one made by a different configuration is an error naming what differs. The thread count
 * is not part of the configuration (a run may move to another machine) but can change the bits, so a change is
 * only warned about. The backup is deleted only after the run's results are written, so that a crash at any
 * moment leaves either the backup or the results.
 */
final class RunBackup {
    private static final String CONFIG_PREFIX = "config.";
    private static final String THREADS = "threads";

    private final BackupAndRestore backup;
    private final PrintStream out;

    private RunBackup(BackupAndRestore backup, PrintStream out) {
        this.backup = backup;
        this.out = out;
    }

    /**
     * Checks {@code dir} against the request and returns the backups of the run about to start.
     *
     * @param threads the kernel threads this run uses (resolved, not 0)
     * @throws UsageException if there is nothing to resume, a backup would be ignored, or it belongs to another run
     */
    static RunBackup prepare(Path dir, boolean resume, TrainConfig config, int threads, PrintStream out) {
        Map<String, String> tags = tags(config, threads);
        BackupAndRestore backup = new BackupAndRestore(dir).withDeleteOnCompletion(false).withMetadata(tags);
        Path file = backup.file();
        boolean exists = Files.exists(file);
        if (resume && !exists) {
            throw new UsageException("train --resume: nothing to resume in " + dir + ": it holds no "
                    + BackupAndRestore.FILE_NAME + " (a run that finished has deleted its backup)");
        }
        if (!resume && exists) {
            throw new UsageException("train: " + file + " is the backup of an unfinished run; add --resume to continue it, "
                    + "or delete the file to start afresh");
        }
        if (resume) {
            checkSameRun(file, CheckpointFile.readMetadata(file), tags, out);
        }
        return new RunBackup(backup, out);
    }

    /** The callbacks that write the backup and report a resume. */
    List<Callback> callbacks() {
        Callback notice = new Callback() {
            @Override
            public void onTrainBegin(TrainingControl control) {
                List<EpochRecord> done = control.history();
                if (!done.isEmpty()) {
                    out.println("resuming from " + backup.file() + ": epoch " + done.get(done.size() - 1).epoch()
                            + " was the last one finished");
                }
            }
        };
        return List.of(notice, backup);
    }

    /** Deletes the backup, once the run's results are safely written. */
    void finish() {
        try {
            Files.deleteIfExists(backup.file());
        } catch (IOException e) {
            throw new ModelFileException(backup.file(), "cannot delete the backup of the finished run: " + e, e);
        }
    }

    /**
     * The run's configuration as strings, one per component of {@link TrainConfig} but the thread count (by
     * reflection, so that components added later are covered without touching this class), plus the threads used.
     */
    static Map<String, String> tags(TrainConfig config, int threads) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (RecordComponent c : TrainConfig.class.getRecordComponents()) {
            if (c.getName().equals(THREADS)) {
                continue;
            }
            try {
                tags.put(CONFIG_PREFIX + c.getName(), String.valueOf(c.getAccessor().invoke(config)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read TrainConfig." + c.getName(), e);
            }
        }
        tags.put(THREADS, Integer.toString(threads));
        return tags;
    }

    private static void checkSameRun(Path file, Map<String, String> found, Map<String, String> now, PrintStream out) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!e.getKey().startsWith(CONFIG_PREFIX)) {
                continue;
            }
            String then = found.get(e.getKey());
            if (!e.getValue().equals(then)) {
                differences.add(String.format(Locale.ROOT, "%s is %s in the backup, %s now",
                        e.getKey().substring(CONFIG_PREFIX.length()), then == null ? "not recorded" : shorten(then),
                        shorten(e.getValue())));
            }
        }
        if (!differences.isEmpty()) {
            throw new UsageException("train --resume: " + file + " was made by a different configuration: "
                    + String.join("; ", differences) + ". Resume with the run's own config, or start a new run elsewhere");
        }
        String threadsThen = found.get(THREADS);
        if (threadsThen != null && !threadsThen.equals(now.get(THREADS))) {
            out.println("warning: the backup was made with " + threadsThen + " threads, this run uses " + now.get(THREADS)
                    + "; it continues correctly but not bit for bit as the uninterrupted run would (pass --threads "
                    + threadsThen + " for that)");
        }
    }

    private static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
