package dev.temper.io;

import dev.temper.tensor.DType;
import dev.temper.tensor.Tensor;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes named float32/float64 tensors in the safetensors format, as specified in the README of
 * <a href="https://github.com/huggingface/safetensors">huggingface/safetensors</a>:
 * <ul>
 *   <li>8 bytes: N, the header length, an unsigned little-endian 64-bit integer;</li>
 *   <li>N bytes: a UTF-8 JSON object mapping each tensor name to
 *       {@code {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}}, offsets relative to the start of
 *       the data buffer, {@code end} one past the last byte; plus an optional {@code "__metadata__"} object of
 *       string to string. Like the reference implementation we pad the header with spaces to a multiple of 8
 *       bytes, so that the data starts aligned;</li>
 *   <li>the rest: the data buffer, each tensor's values little-endian in row-major ('C') order, the tensors packed
 *       back to back (we write them in the order of the map given).</li>
 * </ul>
 * The format forbids duplicate names and requires the offsets to cover the buffer with no holes; the reference
 * implementation refuses headers over 100 MB. {@link #read} checks all of that, and every number it allocates from,
 * before allocating, so a damaged or hostile file gives a one-line {@link ModelFileException}, never an
 * {@link OutOfMemoryError} or an exception from deep inside. Only the dtypes F32 and F64 are supported.
 *
 * <p>Writes are atomic (temporary file, fsync, rename): an interrupted save leaves the previous file intact.
 */
public final class SafeTensors {
    /** Largest header accepted, as in the reference implementation (100 MB). */
    public static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final int CHUNK_BYTES = 1 << 16;

    private SafeTensors() {}

    /**
     * Writes {@code tensors} (in the map's iteration order) and {@code metadata} (may be empty; written only when
     * not empty) to {@code file}, replacing it atomically.
     *
     * @throws IllegalArgumentException if a name is empty or is {@code "__metadata__"}
     * @throws ModelFileException if the file cannot be written
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        byte[] header = header(tensors, metadata);
        List<Tensor> values = new ArrayList<>(tensors.values());
        AtomicWrite.write(file, ch -> {
            ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).flip();
            writeFully(ch, prefix);
            writeFully(ch, ByteBuffer.wrap(header));
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : values) {
                writeValues(ch, t, chunk);
            }
        });
    }

    /**
     * Reads a safetensors file: its tensors in the order their bytes lie in the file, and its metadata.
     *
     * @throws ModelFileException if the file cannot be read or breaks any rule of the format
     */
    public static TensorFile read(Path file) {
        return open(file, true);
    }

    /**
     * Reads only the header of a safetensors file and returns its metadata, after checking the whole header against
     * the file's size exactly as {@link #read} does; no tensor is read. For a quick look at a large file (which run
     * a checkpoint belongs to) before deciding to load it.
     *
     * @throws ModelFileException if the file cannot be read or its header breaks any rule of the format
     */
    public static Map<String, String> readMetadata(Path file) {
        return open(file, false).metadata();
    }

    private static TensorFile open(Path file, boolean withTensors) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new ModelFileException(file, "only " + size + " bytes, too short for a safetensors file");
            }
            ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, prefix, 0);
            long n = prefix.flip().getLong();
            if (n < 0 || n > MAX_HEADER_BYTES) {
                throw new ModelFileException(file, "header length " + Long.toUnsignedString(n)
                        + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
            }
            if (n > size - 8) {
                throw new ModelFileException(file, "header length " + n + " is larger than the " + (size - 8)
                        + " bytes after the length prefix");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) n);
            readFully(ch, headerBytes, 8);
            Object json;
            try {
                json = StrictJson.parse(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(headerBytes.flip()).toString(), "header");
            } catch (CharacterCodingException e) {
                throw new ModelFileException(file, "header is not valid UTF-8");
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(file, e.getMessage());
            }
            long dataStart = 8 + n;
            SafeTensorsHeader header = SafeTensorsHeader.check(file, json, size - dataStart);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            if (withTensors) {
                for (HeaderEntry e : header.entries) {
                    tensors.put(e.name(), readValues(ch, e, dataStart));
                }
            }
            return new TensorFile(tensors, header.metadata);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file, "no such file", e);
        } catch (EOFException e) {
            throw new ModelFileException(file, "truncated while reading (was the file changed during the read?)", e);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read: " + e, e);
        }
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes. */
    static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) {
        StringBuilder sb = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            sb.append(quote(SafeTensorsHeader.METADATA_KEY)).append(":{");
            String sep = "";
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                sb.append(sep).append(quote(e.getKey())).append(':').append(quote(e.getValue()));
                sep = ",";
            }
            sb.append('}');
        }
        long offset = 0;
        String sep = metadata.isEmpty() ? "" : ",";
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || name.equals(SafeTensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException("SafeTensors.write: tensor name must be non-empty and not \""
                        + SafeTensorsHeader.METADATA_KEY + "\", got \"" + name + "\"");
            }
            Tensor t = e.getValue();
            long end = offset + (long) t.size() * t.dtype().bytes();
            sb.append(sep).append(quote(name)).append(":{\"dtype\":\"").append(SafeTensorsHeader.name(t.dtype()))
                    .append("\",\"shape\":[");
            int[] dims = t.dims();
            for (int i = 0; i < dims.length; i++) {
                sb.append(i == 0 ? "" : ",").append(dims[i]);
            }
            sb.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
            sep = ",";
        }
        sb.append('}');
        byte[] json = sb.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = java.util.Arrays.copyOf(json, padded);
        java.util.Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped; everything else as UTF-8. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static void writeValues(FileChannel ch, Tensor t, ByteBuffer chunk) throws IOException {
        int step = CHUNK_BYTES / t.dtype().bytes();
        if (t.dtype() == DType.FLOAT32) {
            float[] v = t.toFloatArray();
            for (int from = 0; from < v.length; from += step) {
                chunk.clear();
                chunk.asFloatBuffer().put(v, from, Math.min(step, v.length - from));
                chunk.limit(Math.min(step, v.length - from) * 4);
                writeFully(ch, chunk);
            }
        } else {
            double[] v = t.toDoubleArray();
            for (int from = 0; from < v.length; from += step) {
                chunk.clear();
                chunk.asDoubleBuffer().put(v, from, Math.min(step, v.length - from));
                chunk.limit(Math.min(step, v.length - from) * 8);
                writeFully(ch, chunk);
            }
        }
    }

    private static Tensor readValues(FileChannel ch, HeaderEntry e, long dataStart) throws IOException {
        int count = (int) ((e.end() - e.begin()) / e.dtype().bytes());
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int step = CHUNK_BYTES / e.dtype().bytes();
        long position = dataStart + e.begin();
        if (e.dtype() == DType.FLOAT32) {
            float[] v = new float[count];
            for (int from = 0; from < count; from += step) {
                int k = Math.min(step, count - from);
                chunk.clear().limit(k * 4);
                readFully(ch, chunk, position);
                position += k * 4L;
                chunk.flip().asFloatBuffer().get(v, from, k);
            }
            return Tensor.wrap(v, e.shape());
        }
        double[] v = new double[count];
        for (int from = 0; from < count; from += step) {
            int k = Math.min(step, count - from);
            chunk.clear().limit(k * 8);
            readFully(ch, chunk, position);
            position += k * 8L;
            chunk.flip().asDoubleBuffer().get(v, from, k);
        }
        return Tensor.wrap(v, e.shape());
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long p = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, p);
            if (n < 0) {
                throw new EOFException();
            }
            p += n;
        }
    }
}
