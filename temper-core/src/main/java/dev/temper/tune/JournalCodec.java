package dev.temper.tune;

import dev.temper.io.StrictJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lines of a study journal: one JSON object each, in the strict subset {@link StrictJson} reads and writes
 * (objects, strings, integers of up to 18 digits), as the checkpoint metadata does. So fractional numbers (values,
 * seconds) are written as strings in Java's shortest form that reads back to the same bits ({@code "NaN"} for a
 * failed job), seeds as decimal strings (they use all 64 bits), and a configuration's values as integers (integer
 * parameters, whole-number choices) or strings (the rest), read back through the search space, which knows each
 * parameter's type. Malformed text is an {@link IllegalArgumentException} (what a torn last line gives); a header of
 * another study is a {@link JournalException}.
 */
final class JournalCodec {
    /** 2: StrictJson lines (version 1 wrote JSON numbers, which StrictJson does not read). */
    static final int VERSION = 2;
    /** Integers written as JSON integers; larger ones go as strings (StrictJson reads at most 18 digits). */
    private static final long MAX_JSON_INTEGER = 999_999_999_999_999_999L;

    private JournalCodec() {}

    static String header(Journal.Header header) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "study");
        line.put("version", (long) VERSION);
        line.put("strategy", header.strategy());
        line.put("direction", header.direction().yamlName());
        line.put("seed", Long.toString(header.seed()));
        line.put("space", header.space());
        return StrictJson.write(line);
    }

    /** Checks that {@code line} is the header of the study {@code header} describes. */
    static void checkHeader(String line, Journal.Header header) {
        Map<String, Object> o = object(line);
        if (!"study".equals(o.get("event"))) {
            throw new IllegalArgumentException("the first line is not a study header");
        }
        if (!Long.valueOf(VERSION).equals(o.get("version"))) {
            throw new JournalException("journal version " + o.get("version") + ", this temper reads version " + VERSION
                    + " (a study journaled by an older temper cannot be resumed: start it again in a new directory)");
        }
        compare("strategy", o.get("strategy"), header.strategy());
        compare("direction", o.get("direction"), header.direction().yamlName());
        compare("seed", o.get("seed"), Long.toString(header.seed()));
        compare("search space", o.get("space"), header.space());
    }

    private static void compare(String what, Object inJournal, Object now) {
        if (!String.valueOf(now).equals(String.valueOf(inJournal))) {
            throw new JournalException("the journal belongs to another study: its " + what + " is '" + inJournal
                    + "', this study's is '" + now + "'");
        }
    }

    static String event(StudyEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        if (event instanceof StudyEvent.Started s) {
            line.put("event", "start");
            line.put("trial", (long) s.trial());
            line.put("budget", (long) s.budget());
            line.put("seed", Long.toString(s.seed()));
            Map<String, Object> config = new LinkedHashMap<>();
            s.configuration().values().forEach((name, value) -> config.put(name, scalar(value)));
            line.put("config", config);
        } else if (event instanceof StudyEvent.Reported r) {
            line.put("event", "report");
            line.put("trial", (long) r.trial());
            line.put("step", (long) r.step());
            line.put("value", Double.toString(r.value()));
        } else if (event instanceof StudyEvent.Finished f) {
            line.put("event", "finish");
            line.put("trial", (long) f.trial());
            line.put("budget", (long) f.budget());
            line.put("state", f.state().yamlName());
            line.put("value", Double.toString(f.value()));
            line.put("reason", f.reason());
            line.put("seconds", Double.toString(f.seconds()));
            line.put("epochs", (long) f.epochs());
        }
        return StrictJson.write(line);
    }

    /** A configuration value as written: an integer when it is a whole-number type that fits, else its text. */
    private static Object scalar(Object value) {
        if ((value instanceof Integer || value instanceof Long) && Math.abs(((Number) value).longValue()) <= MAX_JSON_INTEGER) {
            return ((Number) value).longValue();
        }
        return String.valueOf(value);
    }

    static StudyEvent event(String text, SearchSpace space) {
        Map<String, Object> o = object(text);
        Object kind = o.get("event");
        int trial = (int) integer(o, "trial");
        if ("start".equals(kind)) {
            if (!(o.get("config") instanceof Map<?, ?> config)) {
                throw new IllegalArgumentException("a start event needs a config object");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            config.forEach((name, value) -> values.put((String) name, read(space, (String) name, value)));
            return new StudyEvent.Started(trial, (int) integer(o, "budget"), space.validate(values), seed(o));
        }
        if ("report".equals(kind)) {
            return new StudyEvent.Reported(trial, (int) integer(o, "step"), number(o, "value"));
        }
        if ("finish".equals(kind)) {
            Object reason = o.get("reason");
            return new StudyEvent.Finished(trial, (int) integer(o, "budget"), TrialState.parse(String.valueOf(o.get("state"))),
                    number(o, "value"), reason == null ? "" : reason.toString(), number(o, "seconds"), (int) integer(o, "epochs"));
        }
        throw new IllegalArgumentException("unknown event '" + kind + "'; expected start, report or finish");
    }

    /** A configuration value as the space's parameter holds it (validation follows in {@link SearchSpace#validate}). */
    private static Object read(SearchSpace space, String name, Object value) {
        Hyperparameter p;
        try {
            p = space.parameter(name);
        } catch (IllegalArgumentException unknown) {
            return value; // validate names it among the unknown parameters
        }
        if (!(value instanceof String text)) {
            return value;
        }
        if (p instanceof Categorical c) {
            for (Object choice : c.choices()) {
                if (String.valueOf(choice).equals(text)) {
                    return choice;
                }
            }
            return text; // validate says which choices there are
        }
        try {
            return p instanceof IntegerRange ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a number, got '" + text + "'");
        }
    }

    private static Map<String, Object> object(String line) {
        if (!(StrictJson.parse(line, "journal line") instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a journal line must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) map;
        return o;
    }

    private static long integer(Map<String, Object> o, String key) {
        if (!(o.get(key) instanceof Long v)) {
            throw new IllegalArgumentException("'" + key + "' must be an integer, got " + o.get(key));
        }
        return v;
    }

    private static long seed(Map<String, Object> o) {
        try {
            return Long.parseLong(String.valueOf(o.get("seed")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'seed' must be a decimal integer string, got " + o.get("seed"));
        }
    }

    /** A fractional number written as a string; strict: only the forms {@link Double#toString} gives. */
    private static double number(Map<String, Object> o, String key) {
        if (o.get(key) instanceof String text) {
            try {
                double v = Double.parseDouble(text);
                if (Double.toString(v).equals(text)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("'" + key + "' must be a number written as a string (\"0.25\", \"NaN\"), got " + o.get(key));
    }
}
