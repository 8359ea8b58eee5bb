package org.bnnworkbench.architectures.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.architectures.Family;

/**
 * Keeps the generated parts of {@code docs/architectures.md} in step with the code: the text between
 * {@code <!-- generated: NAME -->} and {@code <!-- end generated -->} is replaced by {@link #sections()}.
 * Run {@code main} with the file to rewrite it; a test fails when the checked-in file differs.
 */
public final class ArchitecturesDoc {

    private static final Pattern SECTION = Pattern.compile(
            "(<!-- generated: ([a-z0-9-]+) -->\\n)(.*?)(<!-- end generated -->)", Pattern.DOTALL);

    private ArchitecturesDoc() {
    }

    /** The generated sections by name: {@code parameters-FAMILY}, {@code networks}, {@code published}, {@code differences}. */
    public static Map<String, String> sections() {
        Map<String, String> s = new LinkedHashMap<>();
        for (Family f : Architectures.families()) {
            s.put("parameters-" + f.name(), ParameterTable.markdown(f));
        }
        s.put("networks", NetworkTable.costs(Architectures.named()));
        s.put("published", NetworkTable.comparisons(Architectures.named()));
        s.put("differences", NetworkTable.discrepancies(Architectures.named()));
        return s;
    }

    /** {@code doc} with every generated section replaced; fails on a section name it does not know. */
    public static String update(String doc) {
        Map<String, String> sections = sections();
        Matcher m = SECTION.matcher(doc);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = sections.get(m.group(2));
            if (body == null) {
                throw new IllegalArgumentException("unknown generated section '" + m.group(2) + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + body + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Rewrites the generated sections of the file given (default {@code docs/architectures.md}). */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/architectures.md");
        Files.writeString(file, update(Files.readString(file)));
    }
}
