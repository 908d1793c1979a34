package com.contactcenter.billing.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reading and trimming snapshot export documents in tests. */
public final class ExportJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExportJson() {}

    public static JsonNode parse(String document) {
        return JSON.readTree(document);
    }

    public static JsonNode resource(String classpathResource) {
        return parse(SourceDatabases.read(classpathResource));
    }

    /** A copy without the given top-level keys. */
    public static JsonNode without(JsonNode document, String... keys) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        for (String key : keys) {
            copy.remove(key);
        }
        return copy;
    }

    public static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The series entry of one bucket and service key. */
    public static JsonNode seriesEntry(JsonNode document, String bucket, String key) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode entry : document.get("series")) {
            if (entry.get("bucket").asString().equals(bucket)
                    && entry.get("key").asString().equals(key)) {
                found.add(entry);
            }
        }
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " series entries for (" + bucket + ", " + key + ")");
        }
        return found.get(0);
    }

    /** A tree as indented text, so that a failed comparison shows both sides line by line. */
    public static String text(JsonNode node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
