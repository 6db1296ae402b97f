package dev.temper.io;

import dev.temper.tensor.DType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the parsed JSON header of a safetensors file into checked {@link HeaderEntry}s, or says what is wrong.
 * Every number is checked before anything is allocated from it: dtypes (F32 and F64 only), shape entries
 * (non-negative, fitting an {@code int}, element count fitting a Java array), the byte range against shape and dtype
 * (without overflow), the ranges against the data buffer, and the ranges against each other: sorted by offset they
 * must tile the buffer exactly, from 0 to its end, with no gap and no overlap, as the format requires.
 */
final class SafeTensorsHeader {
    static final String METADATA_KEY = "__metadata__";
    private static final Set<String> ENTRY_KEYS = Set.of("dtype", "shape", "data_offsets");

    private final Path file;
    final List<HeaderEntry> entries = new ArrayList<>();
    final Map<String, String> metadata = new LinkedHashMap<>();

    private SafeTensorsHeader(Path file) {
        this.file = file;
    }

    /** Checks {@code json} against a data buffer of {@code dataBytes} bytes; entries come back in data order. */
    static SafeTensorsHeader check(Path file, Object json, long dataBytes) {
        SafeTensorsHeader h = new SafeTensorsHeader(file);
        if (!(json instanceof Map<?, ?> top)) {
            throw h.problem("header is not a JSON object");
        }
        for (Map.Entry<?, ?> e : top.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals(METADATA_KEY)) {
                h.readMetadata(e.getValue());
            } else {
                h.entries.add(h.entry(name, e.getValue(), dataBytes));
            }
        }
        h.checkTiling(dataBytes);
        return h;
    }

    private void readMetadata(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw problem(METADATA_KEY + " must be an object of strings");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw problem(METADATA_KEY + " value of " + SafeTensors.quote(shorten((String) e.getKey())) + " is not a string");
            }
            metadata.put((String) e.getKey(), s);
        }
    }

    private HeaderEntry entry(String name, Object value, long dataBytes) {
        String what = "tensor " + SafeTensors.quote(shorten(name));
        if (!(value instanceof Map<?, ?> map)) {
            throw problem(what + " is not a JSON object");
        }
        for (Object key : map.keySet()) {
            if (!ENTRY_KEYS.contains(key)) {
                throw problem(what + " has unknown field " + SafeTensors.quote(shorten((String) key)));
            }
        }
        DType dtype = dtype(what, map.get("dtype"));
        long[] shape = integers(what, "shape", map.get("shape"), -1);
        long[] offsets = integers(what, "data_offsets", map.get("data_offsets"), 2);
        int[] dims = new int[shape.length];
        long elements = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0 || shape[i] > Integer.MAX_VALUE) {
                throw problem(what + " has shape entry " + shape[i] + " (must be 0.." + Integer.MAX_VALUE + ")");
            }
            dims[i] = (int) shape[i];
            // Both factors are below 2^31, so the product fits a long; the cap keeps it there for the next step.
            elements = elements * shape[i];
            if (elements > Integer.MAX_VALUE) {
                throw problem(what + " has more than 2^31-1 elements, the most a tensor can hold");
            }
        }
        long begin = offsets[0];
        long end = offsets[1];
        if (begin < 0 || end < begin || end > dataBytes) {
            throw problem(what + " has data_offsets [" + begin + ", " + end + "] outside the data buffer of "
                    + dataBytes + " bytes" + (end > dataBytes && begin >= 0 && end >= begin ? " (is the file truncated?)" : ""));
        }
        long bytes = elements * dtype.bytes();
        if (end - begin != bytes) {
            throw problem(what + " has " + (end - begin) + " data bytes but dtype " + name(dtype) + " and shape "
                    + java.util.Arrays.toString(dims) + " need " + bytes);
        }
        return new HeaderEntry(name, dtype, dims, begin, end);
    }

    private void checkTiling(long dataBytes) {
        // A stable sort keeps header order among empty tensors that share an offset.
        entries.sort(Comparator.comparingLong(HeaderEntry::begin).thenComparingLong(HeaderEntry::end));
        long expected = 0;
        for (HeaderEntry e : entries) {
            if (e.begin() < expected) {
                throw problem("tensor " + SafeTensors.quote(shorten(e.name())) + " at bytes [" + e.begin() + ", " + e.end()
                        + "] overlaps the tensor before it, which ends at " + expected);
            }
            if (e.begin() > expected) {
                throw problem("gap in the data buffer: bytes [" + expected + ", " + e.begin()
                        + ") belong to no tensor (before tensor " + SafeTensors.quote(shorten(e.name())) + ")");
            }
            expected = e.end();
        }
        if (expected != dataBytes) {
            throw problem("the tensors cover " + expected + " data bytes but the file holds " + dataBytes
                    + (expected < dataBytes ? " (trailing bytes)" : " (truncated)"));
        }
    }

    private DType dtype(String what, Object value) {
        if (!(value instanceof String s)) {
            throw problem(what + " has no string field \"dtype\"");
        }
        return switch (s) {
            case "F32" -> DType.FLOAT32;
            case "F64" -> DType.FLOAT64;
            default -> throw problem(what + " has dtype " + SafeTensors.quote(shorten(s)) + "; temper reads only F32 and F64");
        };
    }

    private long[] integers(String what, String field, Object value, int requiredLength) {
        if (!(value instanceof List<?> list)) {
            throw problem(what + " has no array field \"" + field + "\"");
        }
        if (requiredLength >= 0 && list.size() != requiredLength) {
            throw problem(what + " has " + list.size() + " entries in \"" + field + "\", expected " + requiredLength);
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long v)) {
                throw problem(what + " has a non-integer in \"" + field + "\"");
            }
            out[i] = v;
        }
        return out;
    }

    static String name(DType dtype) {
        return dtype == DType.FLOAT32 ? "F32" : "F64";
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private ModelFileException problem(String what) {
        return new ModelFileException(file, what);
    }
}
