package org.bnnworkbench.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Typed, checked access to the fields of a JSON object, with errors that name the block and field. */
final class Fields {

    private Fields() {
    }

    static JsonNode required(JsonNode node, String block, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new SpecException(block, "missing '" + field + "'");
        }
        return v;
    }

    static String text(JsonNode node, String block, String field) {
        JsonNode v = required(node, block, field);
        if (!v.isTextual()) {
            throw new SpecException(block, "'" + field + "' must be text, got " + v);
        }
        return v.asText();
    }

    static int integer(JsonNode node, String block, String field) {
        JsonNode v = required(node, block, field);
        if (!v.isIntegralNumber()) {
            throw new SpecException(block, "'" + field + "' must be a whole number, got " + v);
        }
        if (!v.canConvertToInt()) {
            throw new SpecException(block, "'" + field + "' is too large: " + v);
        }
        return v.asInt();
    }

    static int integer(JsonNode node, String block, String field, int fallback) {
        return node.has(field) ? integer(node, block, field) : fallback;
    }

    static boolean bool(JsonNode node, String block, String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new SpecException(block, "'" + field + "' must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    static List<String> texts(JsonNode node, String block, String field) {
        JsonNode v = required(node, block, field);
        if (!v.isArray()) {
            throw new SpecException(block, "'" + field + "' must be a list of block ids, got " + v);
        }
        List<String> list = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new SpecException(block, "'" + field + "' must hold block ids (text), got " + e);
            }
            list.add(e.asText());
        }
        return list;
    }

    static void onlyKnown(JsonNode node, String block, List<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new SpecException(block, "unknown field '" + f + "' (known: " + String.join(", ", known) + ")");
            }
        }
    }
}
