package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Lenient readers for the result records: GitHub leaves fields out, sends null, and adds new
 * ones all the time, so a missing or null field becomes null (or 0, or false) rather than an
 * error. Only the fields that identify an object are demanded, by {@link #require}.
 */
final class JsonFields {
    private JsonFields() {
    }

    /** Fails with a clear message unless {@code json} is an object carrying every named field. */
    static void require(@Nullable JsonNode json, String what, String... fields) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("not a GitHub " + what + " object: expected a JSON object");
        }
        for (String field : fields) {
            if (!json.hasNonNull(field)) {
                throw new IllegalArgumentException("not a GitHub " + what + " object: '" + field + "' is missing");
            }
        }
    }

    static @Nullable String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** {@code json.first.second} as text, e.g. {@code user.login}. */
    static @Nullable String text(JsonNode json, String first, String second) {
        JsonNode parent = json.get(first);
        return parent == null || !parent.isObject() ? null : text(parent, second);
    }

    static long number(JsonNode json, String field) {
        return json.path(field).asLong(0);
    }

    static boolean bool(JsonNode json, String field) {
        return json.path(field).asBoolean(false);
    }

    static @Nullable Instant instant(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null) {
            return null;
        }
        try {
            return dev.integrations.internal.json.Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The {@code inner} text of each object in the array {@code field}, e.g. the {@code name} of each label. */
    static List<String> texts(JsonNode json, String field, String inner) {
        JsonNode array = json.get(field);
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            String value = item.isTextual() ? item.asText() : text(item, inner);
            if (value != null) {
                out.add(value);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
