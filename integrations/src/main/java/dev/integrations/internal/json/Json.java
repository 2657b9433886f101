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
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
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

    /** Objects with more entries than this become hash maps; smaller ones two arrays (see {@link SmallFrozenMap}). */
    private static final int SMALL_MAP = 16;

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        String[] keys = new String[8];
        @Nullable Object[] values = new Object[8];
        int size = 0;
        LinkedHashMap<String, Object> large = null;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            Object value = readValue(parser, parser.nextToken());
            if (large != null) {
                large.put(name, value);
                continue;
            }
            int existing = indexOf(keys, size, name);
            if (existing >= 0) {
                values[existing] = value; // the last of repeated keys wins, as in a LinkedHashMap
            } else if (size == SMALL_MAP) {
                large = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    large.put(keys[i], values[i]);
                }
                large.put(name, value);
            } else {
                if (size == keys.length) {
                    keys = Arrays.copyOf(keys, size * 2);
                    values = Arrays.copyOf(values, size * 2);
                }
                keys[size] = name;
                values[size++] = value;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "expected a field name or the end of an object");
        }
        return large != null ? new HashedFrozenMap(large) : new SmallFrozenMap(keys, values, size);
    }

    private static int indexOf(String[] keys, int size, String name) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(name)) {
                return i;
            }
        }
        return -1;
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
                return new FrozenList(list.toArray(), list.size());
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

    /**
     * Whether {@code value} is a list this class made frozen (deep, unmodifiable, owned by nobody
     * else): a record can keep it instead of copying it.
     */
    public static boolean isFrozenList(@Nullable Object value) {
        return value instanceof FrozenList;
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
        return new HashedFrozenMap(copy);
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
            return new HashedFrozenMap(copy);
        }
        if (value instanceof Iterable<?> it) {
            List<Object> copy = new ArrayList<>();
            for (Object item : it) {
                copy.add(copyValue(item));
            }
            return new FrozenList(copy.toArray(), copy.size());
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
    private abstract static class FrozenMap extends AbstractMap<String, Object> {
    }

    /** A frozen map over a hash map of its own: for copies, and parsed objects of many entries. */
    private static final class HashedFrozenMap extends FrozenMap {
        private final Map<String, Object> view;

        HashedFrozenMap(Map<String, Object> owned) {
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

    /**
     * A frozen map of a few entries in two arrays, in insertion order, looked up by a linear scan:
     * a parsed credential map (eight entries) costs three objects instead of a hash map's
     * table, one node per entry and two wrappers. Keys are distinct (the parser replaces the value
     * of a repeated key in place, as a {@code LinkedHashMap} does).
     */
    private static final class SmallFrozenMap extends FrozenMap {
        private final String[] keys;
        private final @Nullable Object[] values;
        private final int size;

        SmallFrozenMap(String[] keys, @Nullable Object[] values, int size) {
            this.keys = keys;
            this.values = values;
            this.size = size;
        }

        private int indexOf(@Nullable Object key) {
            if (key == null) {
                return -1;
            }
            // Parsed names are interned and callers look up literals: identity finds them without
            // comparing characters; equals then covers keys built at run time.
            for (int i = 0; i < size; i++) {
                if (keys[i] == key) {
                    return i;
                }
            }
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public @Nullable Object get(@Nullable Object key) {
            int i = indexOf(key);
            return i < 0 ? null : values[i];
        }

        @Override
        public boolean containsKey(@Nullable Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            for (int i = 0; i < size; i++) {
                action.accept(keys[i], values[i]);
            }
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Map.Entry<String, Object> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }

    /** The unmodifiable lists this class makes, frozen like {@link FrozenMap}: the first {@code size} items of an array of their own. */
    private static final class FrozenList extends AbstractList<Object> implements RandomAccess {
        private final @Nullable Object[] items;
        private final int size;

        FrozenList(@Nullable Object[] owned, int size) {
            this.items = owned;
            this.size = size;
        }

        @Override
        public @Nullable Object get(int index) {
            Objects.checkIndex(index, size);
            return items[index];
        }

        @Override
        public int size() {
            return size;
        }
    }

}
