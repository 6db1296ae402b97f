package dev.temper.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see the old contents or the new, never half of the new: the bytes go to a temporary
 * file in the target's directory (a rename is only atomic within one file system), are forced to disk, and the
 * temporary file is renamed over the target. A crash mid-save therefore never destroys the last good checkpoint.
 * The directory is forced to disk after the rename too (where the platform allows it), so that after a power loss
 * the new name is there as well as the new bytes.
 */
public final class AtomicWrite {
    /** What goes into the file. */
    public interface Body {
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicWrite() {}

    /** Forces the directory entry (the rename) to disk; POSIX only: other platforms cannot open a directory. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows refuses to open a directory; the rename is still atomic there, only its durability is the OS's.
        }
    }

    /** Writes {@code text} as UTF-8, atomically; a failure is a {@link ModelFileException} naming the file. */
    public static void writeString(Path target, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, ch -> {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        });
    }

    /**
     * A temporary file is created readable by its owner only; the file it becomes is an ordinary output (a report, a
     * history), so it gets the usual {@code rw-r--r--} where the file system has POSIX permissions.
     */
    public static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(
                    Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    /** Writes what {@code body} puts into the channel, atomically. */
    public static void write(Path target, Body body) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            readableByAll(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                body.writeTo(ch);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } catch (IOException e) {
            throw new ModelFileException(target, "cannot write: " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The write itself succeeded or already failed with a clearer error; a stray temp file is harmless.
                }
            }
        }
    }
}
