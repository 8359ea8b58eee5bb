package org.bnnworkbench.architectures.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.architectures.NamedNetwork;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecException;
import org.bnnworkbench.engine.spec.SpecJson;
import org.junit.jupiter.api.Test;

/**
 * Loads randomly damaged network files (seeded) and checks that reading, resolving, listing
 * problems and costing either succeed or throw a {@link SpecException}: never another exception,
 * and never a negative count (an overflow). {@code -Dfuzz.mutations=N} runs more, {@code -Dfuzz.seed=S} others.
 */
class SpecFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_240_611L);
    private static final int MUTATIONS = Integer.getInteger("fuzz.mutations", 12_000);
    private static final String[] NUMBERS = {"0", "-1", "1", "2", "3", "7", "16", "64", "1000", "65536", "46341",
            "2147483647", "2147483648", "-2147483648", "99999999999999999999", "1e9", "1.5", "-0", "1e400", "\"x\"",
            "null", "true", "[]", "{}"};
    private static final String[] WORDS = {"stem", "conv", "binary-conv", "dense", "improvement", "shortcut",
            "transition", "pool", "norm", "classifier", "input", "max", "avg", "none", "fp", "identity", "binary",
            "grouped", "imagenet", "small", "full", "", " ", "\\u0000", "x"};
    private static final Pattern NUMBER = Pattern.compile("(?<=: )-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    private final Random rng = new Random(SEED);

    static List<NetworkSpec> seeds() {
        List<NetworkSpec> seeds = new ArrayList<>();
        for (String name : List.of("meliusnet22", "meliusneta", "binarydensenet37-dilated", "resnete18",
                "birealnet18", "resnet18", "bnn-small", "birealnet-mini", "meliusnet-mini")) {
            seeds.add(Architectures.get(name).spec());
        }
        NamedNetwork resnete = Architectures.get("resnete-mini");
        seeds.add(resnete.spec(resnete.parameters().with("fpDownsample", "false")));
        seeds.add(Architectures.get("bnn-small").spec().fullPrecisionTwin());
        return seeds;
    }

    @Test
    void damagedFilesLoadOrFailWithSpecExceptionOnly() {
        List<String> files = seeds().stream().map(SpecJson::write).toList();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        int failed = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            String original = files.get(i % files.size());
            List<String> applied = new ArrayList<>();
            String text = original;
            int count = 1 + rng.nextInt(3);
            for (int m = 0; m < count; m++) {
                text = mutate(text, applied);
            }
            try {
                outcomes.merge(check(text), 1, Integer::sum);
            } catch (Throwable t) {
                failed++;
                StackTraceElement top = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
                failures.putIfAbsent(t.getClass().getName() + " at " + top, t + " after " + applied);
            }
        }
        System.out.println("spec fuzz (seed " + SEED + "): " + MUTATIONS + " damaged files, other exceptions " + failed);
        outcomes.forEach((outcome, n) -> System.out.println("  " + n + "  " + outcome));
        failures.forEach((where, what) -> System.out.println("  " + where + ": " + what));
        assertThat(failures).as("exceptions other than SpecException").isEmpty();
    }

    /** Reads, resolves, lists problems and costs one file; returns the outcome, throws anything unexpected. */
    static String check(String text) {
        NetworkSpec spec;
        try {
            spec = SpecJson.read(text);
        } catch (SpecException e) {
            return "refused when read: " + category(e);
        }
        List<SpecException> problems = spec.problems();
        try {
            spec.resolve();
        } catch (SpecException e) {
            if (problems.isEmpty()) {
                throw new AssertionError("resolve() failed but problems() is empty: " + e.getMessage());
            }
            spec.fullPrecisionTwin().problems();
            return "refused when resolved: " + category(e);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("resolve() succeeded but problems() lists " + problems);
        }
        for (NetworkSpec s : List.of(spec, spec.fullPrecisionTwin())) {
            for (CostConvention c : CostConvention.values()) {
                NetworkCost cost = CostModel.of(s, c);
                if (cost.binaryParams() < 0 || cost.fpParams() < 0 || cost.flops() < 0 || cost.bops() < 0
                        || cost.modelSizeBytes() < 0 || cost.activationBytes() < 0) {
                    throw new AssertionError("negative count (overflow): " + cost.binaryParams() + " " + cost.fpParams()
                            + " " + cost.flops() + " " + cost.bops() + " " + cost.activationBytes());
                }
            }
        }
        if (!SpecJson.read(SpecJson.write(spec)).equals(spec)) {
            throw new AssertionError("a loadable spec does not survive a round trip");
        }
        return "loaded and costed";
    }

    /** The kind of problem: the message without block names, values and details. */
    static String category(SpecException e) {
        String m = e.getMessage().replaceFirst("^block '[^']*': ", "").replaceFirst("^not valid JSON.*", "not valid JSON");
        m = m.replaceAll("'[^']*'", "'_'").replaceAll("-?[0-9]+", "N");
        return m.length() > 48 ? m.substring(0, 48) : m;
    }

    private String mutate(String text, List<String> applied) {
        if (text.length() < 2) {
            return text;
        }
        // three in four mutations keep the JSON well-formed, so that most files get past the parser
        int[] semantic = {2, 3, 4, 7, 9, 10};
        int[] syntactic = {0, 1, 5, 6, 8};
        int kind = rng.nextInt(4) > 0 ? semantic[rng.nextInt(semantic.length)] : syntactic[rng.nextInt(syntactic.length)];
        switch (kind) {
            case 0 -> { // delete characters
                int at = rng.nextInt(text.length());
                int len = 1 + rng.nextInt(3);
                applied.add("delete " + at);
                return text.substring(0, at) + text.substring(Math.min(text.length(), at + len));
            }
            case 1 -> { // duplicate characters
                int at = rng.nextInt(text.length());
                int len = 1 + rng.nextInt(4);
                applied.add("duplicate " + at);
                String piece = text.substring(at, Math.min(text.length(), at + len));
                return text.substring(0, at) + piece + text.substring(at);
            }
            case 2 -> { // change a number
                return replaceRandom(text, NUMBER, NUMBERS[rng.nextInt(NUMBERS.length)], "number", applied);
            }
            case 3 -> { // change a string: a kind, an enum value, an id or an input
                String word = rng.nextBoolean() ? WORDS[rng.nextInt(WORDS.length)] : randomString(text);
                return replaceRandom(text, STRING, "\"" + word + "\"", "string", applied);
            }
            case 4 -> { // swap two strings (ids, inputs, kinds)
                List<int[]> spans = spans(text, STRING);
                if (spans.size() < 2) {
                    return text;
                }
                int[] a = spans.get(rng.nextInt(spans.size()));
                int[] b = spans.get(rng.nextInt(spans.size()));
                if (a[0] > b[0]) {
                    int[] t = a;
                    a = b;
                    b = t;
                }
                if (a[1] > b[0]) {
                    return text;
                }
                applied.add("swap strings " + a[0] + " " + b[0]);
                return text.substring(0, a[0]) + text.substring(b[0], b[1]) + text.substring(a[1], b[0])
                        + text.substring(a[0], a[1]) + text.substring(b[1]);
            }
            case 5 -> { // drop a line (a field, a bracket)
                String[] lines = text.split("\n", -1);
                int at = rng.nextInt(lines.length);
                applied.add("drop line " + at);
                return joinWithout(lines, at, -1);
            }
            case 6 -> { // duplicate a line (a field twice, a block twice)
                String[] lines = text.split("\n", -1);
                int at = rng.nextInt(lines.length);
                applied.add("duplicate line " + at);
                return joinWithout(lines, -1, at);
            }
            case 7 -> { // duplicate a whole block, ids and all
                int start = text.indexOf("{\n    \"id\"", rng.nextInt(text.length()));
                int end = start < 0 ? -1 : text.indexOf("}", start);
                if (end < 0) {
                    return text;
                }
                applied.add("duplicate block at " + start);
                return text.substring(0, end + 1) + ", " + text.substring(start, end + 1) + text.substring(end + 1);
            }
            case 8 -> { // truncate
                int at = rng.nextInt(text.length());
                applied.add("truncate " + at);
                return text.substring(0, at);
            }
            case 9 -> { // huge or zero sizes in a size field
                return replaceRandom(text, Pattern.compile("(?<=\"(channels|growth|classes|kernel|stride|padding"
                        + "|dilation|groups|shuffle)\" : )-?[0-9]+"), NUMBERS[rng.nextInt(12)], "size", applied);
            }
            default -> { // the input shape
                String[] shapes = {"0x0x0", "1x1x1", "2x2x1", "65536x65536x3", "46341x46341x1", "224x224", "axbxc",
                        "-1x28x28", "28x28x1x1", "2147483647x1x1", "9999999999x1x1"};
                return replaceRandom(text, Pattern.compile("(?<=\"input\" : \")[^\"]*"), shapes[rng.nextInt(shapes.length)],
                        "input", applied);
            }
        }
    }

    private String replaceRandom(String text, Pattern p, String with, String what, List<String> applied) {
        List<int[]> spans = spans(text, p);
        if (spans.isEmpty()) {
            return text;
        }
        int[] s = spans.get(rng.nextInt(spans.size()));
        applied.add(what + " " + text.substring(s[0], s[1]) + " -> " + with);
        return text.substring(0, s[0]) + with + text.substring(s[1]);
    }

    private String randomString(String text) {
        List<int[]> spans = spans(text, STRING);
        if (spans.isEmpty()) {
            return "x";
        }
        int[] s = spans.get(rng.nextInt(spans.size()));
        return text.substring(s[0] + 1, s[1] - 1);
    }

    private static List<int[]> spans(String text, Pattern p) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    private static String joinWithout(String[] lines, int drop, int twice) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i == drop) {
                continue;
            }
            sb.append(lines[i]).append('\n');
            if (i == twice) {
                sb.append(lines[i]).append('\n');
            }
        }
        return sb.toString();
    }
}
