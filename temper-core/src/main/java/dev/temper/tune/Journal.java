package dev.temper.tune;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A study's append-only record: a header line naming the study (strategy, direction, seed, space), then one JSON
 * line per {@link StudyEvent} (the format: {@link JournalCodec}), each written and forced to disk ({@code fsync})
 * before the study goes on. So after a crash every finished job is on disk; the worst a crash leaves is a torn last
 * line, which {@link #open} drops (truncating the file to its last whole line) before appending again. A damaged
 * line anywhere else is an error naming the file and line: silently skipping it could lose a finished trial.
 */
public final class Journal implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;

    /**
     * What identifies a study: a journal is resumed only by the same study.
     *
     * @param strategy {@link Strategy#describe()}
     * @param space {@link SearchSpace#describe()}
     */
    public record Header(String strategy, Direction direction, long seed, String space) {}

    /** A journal opened for appending, and the events it already held. */
    public record Opened(Journal journal, List<StudyEvent> events, boolean droppedTornLine) {}

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    public Path file() {
        return file;
    }

    /** Starts a new journal; refuses to overwrite one. */
    public static Journal create(Path file, Header header) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Journal j = new Journal(file, ch);
            j.writeLine(JournalCodec.header(header));
            return j;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new JournalException(file + ": a study journal is already there; resume it (--resume) or choose another directory");
        } catch (IOException e) {
            throw new JournalException("cannot create journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an existing journal, checks that it belongs to the study {@code header} describes, drops a torn last
     * line, and opens it for appending.
     */
    public static Opened open(Path file, Header header, SearchSpace space) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new JournalException(file + ": no journal to resume");
        } catch (IOException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<StudyEvent> events = new ArrayList<>();
        long goodBytes = 0;
        boolean torn = false;
        boolean rewriteLast = false;
        int lineStart = 0;
        int lineNumber = 0;
        while (lineStart < text.length()) {
            int end = text.indexOf('\n', lineStart);
            boolean terminated = end >= 0;
            String line = text.substring(lineStart, terminated ? end : text.length());
            lineNumber++;
            try {
                if (lineNumber == 1) {
                    JournalCodec.checkHeader(line, header);
                } else {
                    events.add(JournalCodec.event(line, space));
                }
                if (terminated) {
                    goodBytes = utf8Length(text, end + 1);
                } else {
                    rewriteLast = lineNumber > 1; // whole but its newline never made it: keep it, terminated
                }
            } catch (JournalException e) {
                throw new JournalException(file + " line " + lineNumber + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                // Lines are written whole with their newline, so only an unterminated last line can be a torn write.
                if (terminated || lineNumber == 1) {
                    throw new JournalException(file + " line " + lineNumber + ": " + e.getMessage());
                }
                torn = true;
            }
            lineStart = terminated ? end + 1 : text.length();
        }
        if (lineNumber == 0 || lineNumber == 1 && goodBytes == 0) {
            throw new JournalException(file + ": no complete study header line");
        }
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
            ch.truncate(goodBytes);
            ch.position(goodBytes);
            Journal j = new Journal(file, ch);
            if (rewriteLast) {
                j.append(events.get(events.size() - 1));
            }
            ch.force(true);
            return new Opened(j, events, torn);
        } catch (IOException e) {
            throw new JournalException("cannot append to journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static long utf8Length(String text, int chars) {
        return text.substring(0, chars).getBytes(StandardCharsets.UTF_8).length;
    }

    /** Writes the event as one line and forces it to disk before returning. */
    public synchronized void append(StudyEvent event) {
        try {
            writeLine(JournalCodec.event(event));
        } catch (IOException e) {
            throw new JournalException("cannot append to journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeLine(String json) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new JournalException("cannot close journal " + file + ": " + e.getMessage(), e);
        }
    }
}
