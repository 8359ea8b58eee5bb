package org.bnnworkbench.experiments.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one subcommand: {@code --name value}, {@code --name=value} and {@code --flag}. Everything else is
 * a positional argument; {@code --} ends the options.
 *
 * <pre>{@code
 * Options options = new Options("bnn train").value("epochs").value("clip").flag("quiet").parse(args);
 * int epochs = options.positiveInt("epochs", 10);
 * }</pre>
 *
 * Each mistake is reported as a {@link UsageException} whose message is one line naming the command and the
 * option, e.g. {@code bnn train: --epochs expects a positive integer, got 'abc'}.
 */
public final class Options {

    private final String command;
    private final Set<String> valueNames = new LinkedHashSet<>();
    private final Set<String> flagNames = new LinkedHashSet<>();
    private final Set<String> repeatableNames = new LinkedHashSet<>();
    private final Map<String, List<String>> repeated = new HashMap<>();
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flagsGiven = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private boolean parsed;

    /** @param command how the command is called in messages, e.g. {@code "bnn train"} */
    public Options(String command) {
        this.command = command;
    }

    /** Declares {@code --name <value>}. */
    public Options value(String name) {
        declare(name);
        valueNames.add(name);
        return this;
    }

    /** Declares {@code --name <value>} that may be given several times, e.g. {@code --param a=1 --param b=2}. */
    public Options repeatable(String name) {
        value(name);
        repeatableNames.add(name);
        return this;
    }

    /** Every value of a repeatable option, in the order given. */
    public List<String> strings(String name) {
        requireParsed();
        if (!repeatableNames.contains(name)) {
            throw new IllegalArgumentException("--" + name + " is not a declared repeatable option");
        }
        return List.copyOf(repeated.getOrDefault(name, List.of()));
    }

    /** Declares {@code --name} without a value. */
    public Options flag(String name) {
        declare(name);
        flagNames.add(name);
        return this;
    }

    private void declare(String name) {
        if (parsed) {
            throw new IllegalStateException("declare options before parse()");
        }
        if (name.isEmpty() || name.startsWith("-") || name.contains("=")) {
            throw new IllegalArgumentException("an option name is a word without dashes or '=': '" + name + "'");
        }
        if (valueNames.contains(name) || flagNames.contains(name)) {
            throw new IllegalArgumentException("option --" + name + " declared twice");
        }
    }

    /** Reads the arguments; call once, after declaring the options. */
    public Options parse(List<String> args) {
        if (parsed) {
            throw new IllegalStateException("parse() called twice");
        }
        parsed = true;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-") || isNumber(arg)) {
                positional.add(arg);
                continue;
            }
            if (!arg.startsWith("--")) {
                throw unknownOption(arg);
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            String inline = equals < 0 ? null : arg.substring(equals + 1);
            if (flagNames.contains(name)) {
                if (inline != null) {
                    throw usage("--" + name + " takes no value, got '" + inline + "'");
                }
                flagsGiven.add(name);
            } else if (valueNames.contains(name)) {
                String value = inline;
                if (value == null) {
                    boolean hasNext = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
                    if (!hasNext) {
                        throw usage("--" + name + " expects a value");
                    }
                    value = args.get(++i);
                }
                if (repeatableNames.contains(name)) {
                    repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                    values.put(name, value);
                } else if (values.putIfAbsent(name, value) != null) {
                    throw usage("--" + name + " is given twice");
                }
            } else {
                throw unknownOption("--" + name);
            }
        }
        return this;
    }

    /** Whether the flag {@code --name} was given. */
    public boolean isSet(String name) {
        requireParsed();
        if (!flagNames.contains(name)) {
            throw new IllegalArgumentException("--" + name + " is not a declared flag");
        }
        return flagsGiven.contains(name);
    }

    /** The raw value of {@code --name}, if it was given. */
    public Optional<String> string(String name) {
        requireParsed();
        if (!valueNames.contains(name)) {
            throw new IllegalArgumentException("--" + name + " is not a declared value option");
        }
        return Optional.ofNullable(values.get(name));
    }

    public String string(String name, String fallback) {
        return string(name).orElse(fallback);
    }

    /** The value of an option the command cannot do without. */
    public String required(String name) {
        return string(name).orElseThrow(() -> usage("--" + name + " is required"));
    }

    public int integer(String name, int fallback) {
        Optional<String> text = string(name);
        return text.isEmpty() ? fallback : parseInt(name, text.get(), "an integer");
    }

    public int positiveInt(String name, int fallback) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return fallback;
        }
        int value = parseInt(name, text.get(), "a positive integer");
        if (value <= 0) {
            throw expected(name, "a positive integer", text.get());
        }
        return value;
    }

    public int nonNegativeInt(String name, int fallback) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return fallback;
        }
        int value = parseInt(name, text.get(), "an integer >= 0");
        if (value < 0) {
            throw expected(name, "an integer >= 0", text.get());
        }
        return value;
    }

    public long longInteger(String name, long fallback) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.get().strip());
        } catch (NumberFormatException e) {
            throw expected(name, "an integer", text.get());
        }
    }

    public double number(String name, double fallback) {
        Optional<String> text = string(name);
        return text.isEmpty() ? fallback : parseDouble(name, text.get(), "a number");
    }

    public double positiveNumber(String name, double fallback) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return fallback;
        }
        double value = parseDouble(name, text.get(), "a positive number");
        if (value <= 0) {
            throw expected(name, "a positive number", text.get());
        }
        return value;
    }

    public double nonNegativeNumber(String name, double fallback) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return fallback;
        }
        double value = parseDouble(name, text.get(), "a number >= 0");
        if (value < 0) {
            throw expected(name, "a number >= 0", text.get());
        }
        return value;
    }

    /** The value of {@code --name}, which must be one of {@code allowed} (compared exactly). */
    public String choice(String name, String fallback, List<String> allowed) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return fallback;
        }
        if (!allowed.contains(text.get())) {
            throw expected(name, "one of " + String.join(", ", allowed), text.get());
        }
        return text.get();
    }

    /**
     * A mistake the parser cannot see by itself (a value out of range, options that do not go together), worded
     * like the parser's own: the command's name, then {@code problem}.
     */
    public UsageException problem(String problem) {
        return usage(problem);
    }

    /** The arguments that are not options, in order. */
    public List<String> positional() {
        requireParsed();
        return List.copyOf(positional);
    }

    private int parseInt(String name, String text, String what) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw expected(name, what, text);
        }
    }

    private double parseDouble(String name, String text, String what) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw expected(name, what, text);
    }

    private static boolean isNumber(String arg) {
        try {
            Double.parseDouble(arg);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private UsageException expected(String name, String what, String got) {
        return usage("--" + name + " expects " + what + ", got '" + got + "'");
    }

    private UsageException unknownOption(String option) {
        String hint = closestOption(option).map(c -> " (did you mean '" + c + "'?)").orElse("");
        return usage("unknown option '" + option + "'" + hint);
    }

    /** A declared option that is one or two typing mistakes away, the usual cause of an unknown option. */
    private Optional<String> closestOption(String option) {
        String given = option.replaceFirst("^-+", "");
        var all = new ArrayList<String>(valueNames);
        all.addAll(flagNames);
        return all.stream()
                .filter(name -> editDistance(given, name) <= Math.min(2, name.length() / 3 + 1))
                .min(Comparator.comparingInt(name -> editDistance(given, name)))
                .map(name -> "--" + name);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private UsageException usage(String problem) {
        return new UsageException(command + ": " + problem);
    }

    private void requireParsed() {
        if (!parsed) {
            throw new IllegalStateException("call parse() before reading options");
        }
    }
}
