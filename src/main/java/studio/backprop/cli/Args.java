package studio.backprop.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's arguments: positional ones, {@code --name value} options and {@code --flag}s. */
final class Args {

    /** Flags every command accepts: consent to reading data outside the network file's folder. */
    static final Set<String> GLOBAL_FLAGS = Set.of("allow-outside-data");
    /** Options every command accepts: the kernel pool's thread count. */
    static final Set<String> GLOBAL_OPTIONS = Set.of("threads");

    private final String command;
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    /**
     * @param valued options that take a value (e.g. "epochs")
     * @param flags  options that take no value (e.g. "json")
     */
    Args(String command, List<String> raw, Set<String> commandOptions, Set<String> commandFlags)
            throws UsageException {
        this.command = command;
        Set<String> valued = new java.util.HashSet<>(commandOptions);
        valued.addAll(GLOBAL_OPTIONS);
        Set<String> flags = new java.util.HashSet<>(commandFlags);
        flags.addAll(GLOBAL_FLAGS);
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            if (a.startsWith("--")) {
                String name = a.substring(2);
                if (!valued.contains(name) && !flags.contains(name)) {
                    List<String> known = new ArrayList<>(commandOptions);
                    known.addAll(commandFlags);
                    java.util.Collections.sort(known);
                    throw new UsageException(command + ": unknown option --" + studio.backprop.tensor.Excerpt.of(name)
                            + (known.isEmpty()
                            ? "; it takes none" : "; the options are --" + String.join(", --", known)));
                }
                if (flags.contains(name)) {
                    options.put(name, "true");
                } else if (i + 1 < raw.size()) {
                    options.put(name, raw.get(++i));
                } else {
                    throw new UsageException(command + ": option --" + name + " needs a value");
                }
            } else {
                positional.add(a);
            }
        }
    }

    /** The positional argument at {@code index}, or a usage error naming what is missing. */
    String positional(int index, String what) throws UsageException {
        if (index >= positional.size()) {
            throw new UsageException(command + ": " + what + " is missing");
        }
        return positional.get(index);
    }

    int positionalCount() {
        return positional.size();
    }

    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** A whole-number option between min and max, or the fallback when absent. */
    int intOption(String name, int fallback, int min, int max) throws UsageException {
        int n = intOption(name, fallback, min);
        if (n > max) {
            throw new UsageException(command + ": --" + name + " must be at most " + max + ", got " + n);
        }
        return n;
    }

    /** A whole-number option, or the fallback when absent. */
    int intOption(String name, int fallback, int min) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min) {
                throw new UsageException(command + ": --" + name + " must be at least " + min + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " takes a whole number, got '"
                    + studio.backprop.tensor.Excerpt.of(v) + "'");
        }
    }

    void maxPositional(int n) throws UsageException {
        if (positional.size() > n) {
            throw new UsageException(command + ": unexpected argument '" + positional.get(n) + "'");
        }
    }
}
