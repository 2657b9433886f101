package dev.integrations.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK's one Jackson configuration. Lenient on input (GitHub adds fields all the time),
 * deterministic on output (sorted keys, so canonical subjects and stored rows compare equal).
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    /** The mapper's factory: its symbol table hands out the same String for a field name every time. */
    private static final JsonFactory STREAMS = MAPPER.getFactory();

    private Json() {
    }

    /**
     * A reader with the SDK's configuration. The shared {@code ObjectMapper} itself is never handed
     * out: it is mutable, and one caller reconfiguring it would change how every session parses and
     * writes. An {@code ObjectReader} is immutable, so it is safe to share.
     */
    public static ObjectReader reader() {
        return MAPPER.reader();
    }

    /** Parses a stream as a JSON tree; the caller closes the stream. */
    public static JsonNode parse(InputStream json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** Parses bytes as a JSON tree. */
    public static JsonNode parse(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** Parses a JSON object into an ordered map of plain Java values. */
    public static Map<String, Object> parseObject(byte[] json) throws IOException {
        return MAPPER.readValue(json, MAP);
    }

    /** Writes a value as compact JSON with map keys sorted. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses a JSON object into the same deep, unmodifiable form {@link #deepCopy} returns, built
     * that way directly: a later {@code deepCopy} of the result (a record's constructor) returns it
     * as it is instead of copying what nobody else holds. Values equal {@link #parseObject}'s.
     */
    public static Map<String, Object> parseFrozenObject(byte[] json) throws IOException {
        // Straight from the token stream: the same values the mapper's untyped binding makes (Long,
        // Double; the last of duplicate keys wins), without its per-call
        // deserialization context and type resolution.
        try (JsonParser parser = STREAMS.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "expected a JSON object");
            }
            return readObject(parser);
        }
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            map.put(name, readValue(parser, parser.nextToken()));
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "expected a field name or the end of an object");
        }
        return new FrozenMap(map);
    }

    private static @Nullable Object readValue(JsonParser parser, @Nullable JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonParseException(parser, "unexpected end of input");
        }
        switch (token) {
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY: {
                ArrayList<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(parser, next));
                }
                return new FrozenList(list);
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                // As the mapper's USE_LONG_FOR_INTS: past the range of long is an error, not a BigInteger.
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonParseException(parser, "unexpected token " + token);
        }
    }

    /** Converts a tree to plain Java values (maps, lists, strings, numbers, booleans, null). */
    public static Map<String, Object> toMap(JsonNode node) {
        return MAPPER.convertValue(node, MAP);
    }

    /**
     * Deep, unmodifiable copy of a JSON-like map. Used wherever data crosses an API boundary so
     * that no caller can change what another holds. Values that are not JSON-like are refused.
     */
    public static Map<String, Object> deepCopy(Map<String, ?> map) {
        if (map instanceof FrozenMap frozen) {
            // Already a deep, unmodifiable copy (ours): copying it again would only make garbage.
            return frozen;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("JSON object keys must not be null");
            }
            copy.put(e.getKey(), copyValue(e.getValue()));
        }
        return new FrozenMap(copy);
    }

    private static Object copyValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof FrozenMap || value instanceof FrozenList) {
            return value;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
                }
                copy.put(key, copyValue(e.getValue()));
            }
            return new FrozenMap(copy);
        }
        if (value instanceof Iterable<?> it) {
            List<Object> copy = new ArrayList<>();
            for (Object item : it) {
                copy.add(copyValue(item));
            }
            return new FrozenList(copy);
        }
        if (value instanceof Object[] array) {
            return copyValue(java.util.Arrays.asList(array));
        }
        if (value instanceof JsonNode node) {
            return MAPPER.convertValue(node, Object.class);
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /**
     * The deep, unmodifiable maps this class makes: the type marks a value as already frozen (every
     * nested map and list is frozen too), so {@link #deepCopy} can hand it on instead of copying.
     */
    private static final class FrozenMap extends AbstractMap<String, Object> {
        private final Map<String, Object> view;

        FrozenMap(Map<String, Object> owned) {
            this.view = Collections.unmodifiableMap(owned);
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return view.entrySet();
        }

        @Override
        public Set<String> keySet() {
            return view.keySet();
        }

        @Override
        public Collection<Object> values() {
            return view.values();
        }

        @Override
        public int size() {
            return view.size();
        }

        @Override
        public boolean isEmpty() {
            return view.isEmpty();
        }

        @Override
        public boolean containsKey(@Nullable Object key) {
            return view.containsKey(key);
        }

        @Override
        public @Nullable Object get(@Nullable Object key) {
            return view.get(key);
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            view.forEach(action);
        }
    }

    /** The unmodifiable lists this class makes, frozen like {@link FrozenMap}. */
    private static final class FrozenList extends AbstractList<Object> implements RandomAccess {
        private final List<Object> owned;

        FrozenList(List<Object> owned) {
            this.owned = owned;
        }

        @Override
        public Object get(int index) {
            return owned.get(index);
        }

        @Override
        public int size() {
            return owned.size();
        }
    }
}
