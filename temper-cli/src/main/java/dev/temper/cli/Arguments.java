package dev.temper.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's arguments: positional values and {@code --name value} / {@code --flag} options. */
final class Arguments {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    /**
     * @param valued options that take a value ({@code --out DIR} or {@code --out=DIR})
     * @param flags options that take none ({@code --json})
     */
    static Arguments parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
        Arguments a = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (flags.contains(name) && value == null) {
                    a.options.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException(command + ": option " + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    a.options.put(name, value);
                } else {
                    List<String> known = new ArrayList<>(valued);
                    known.addAll(flags);
                    java.util.Collections.sort(known);
                    throw new UsageException(command + ": unknown option " + name + "; expected one of: " + String.join(", ", known));
                }
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    List<String> positional() {
        return positional;
    }

    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** An integer option, or {@code fallback} when absent; a bad value names the option. */
    long longOption(String command, String name, long fallback, long min) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min) {
                throw new UsageException(command + ": " + name + " must be >= " + min + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": " + name + " must be an integer, got '" + v + "'");
        }
    }
}
