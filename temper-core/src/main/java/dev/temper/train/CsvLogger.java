package dev.temper.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes one CSV row per epoch to a file as the run goes, with {@link History#toCsv()}'s columns (Keras's
 * {@code CSVLogger}, https://keras.io/api/callbacks/csv_logger/). Each row is appended and the file closed at
 * once, so the rows of finished epochs survive a crash. Without {@code append} (Keras's default) the file is
 * started afresh at the beginning of the run; with it, rows go after the existing ones and the header is
 * written only when the file is empty or missing.
 *
 * <p>In a run resumed from a checkpoint the file is continued, not restarted: rows of epochs after the checkpoint's
 * (written by the interrupted run after its last backup) are cut off the end, so that the file ends up with each
 * epoch once, as the uninterrupted run's would; a missing file is rebuilt from the restored history.
 */
public final class CsvLogger implements Callback {
    private final Path file;
    private final boolean append;
    private EpochRecord first;

    public CsvLogger(Path file) {
        this(file, false);
    }

    public CsvLogger(Path file, boolean append) {
        if (file == null) {
            throw new IllegalArgumentException("CsvLogger: file must not be null");
        }
        this.file = file;
        this.append = append;
    }

    /** Whether rows go after the file's existing ones rather than into a fresh file. */
    public boolean append() {
        return append;
    }

    @Override
    public void onTrainBegin(TrainingControl control) {
        List<EpochRecord> restored = control.history();
        if (!restored.isEmpty()) {
            first = restored.get(0);
            continueAfter(restored);
            return;
        }
        first = null;
        try {
            if (!append) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CsvLogger: cannot reset " + file, e);
        }
    }

    @Override
    public void onEpochEnd(EpochRecord record, TrainingControl control) {
        StringBuilder text = new StringBuilder();
        if (first == null) {
            first = record;
            if (!Files.exists(file) || size() == 0) {
                text.append(History.csvHeader(record));
            }
        }
        text.append(History.csvRow(record, first));
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("CsvLogger: cannot append to " + file, e);
        }
    }

    /** Cuts rows of epochs after the last restored one off the end of the file, or rebuilds a missing file. */
    private void continueAfter(List<EpochRecord> restored) {
        int lastEpoch = restored.get(restored.size() - 1).epoch();
        try {
            if (!Files.exists(file) || size() == 0) {
                StringBuilder text = new StringBuilder(History.csvHeader(first));
                for (EpochRecord r : restored) {
                    text.append(History.csvRow(r, first));
                }
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int keep = text.length();
            while (keep > 0) {
                int lineStart = text.lastIndexOf('\n', keep - 2) + 1; // keep - 1 is the previous line's newline
                if (!(epochOf(text.substring(lineStart, keep)) > lastEpoch)) {
                    break;
                }
                keep = lineStart;
            }
            if (keep < text.length()) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(text.substring(0, keep).getBytes(StandardCharsets.UTF_8).length);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CsvLogger: cannot continue " + file + " after epoch " + lastEpoch, e);
        }
    }

    /** The epoch number a CSV row starts with, or -1 for the header (or anything else). */
    private static int epochOf(String line) {
        int comma = line.indexOf(',');
        try {
            return Integer.parseInt(comma < 0 ? line.strip() : line.substring(0, comma));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("CsvLogger: cannot read the size of " + file, e);
        }
    }
}
