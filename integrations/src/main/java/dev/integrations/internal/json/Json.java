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
import java.nio.charset.StandardCharsets;
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
        Map<String, Object> plain = PlainObjectReader.read(json);
        if (plain != null) {
            return plain;
        }
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
        return new HashedFrozenMap(map);
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

    /**
     * Reads the plain JSON this SDK writes for stored credentials (ASCII text, no escapes, whole
     * numbers that fit in a long) straight from the bytes, without a Jackson parser, its context
     * and buffers. Whatever it does not know for certain (a non-ASCII byte, an escape, a fraction
     * or exponent, a long number, deep nesting, anything malformed) makes it give up and return
     * null, and the caller parses with Jackson instead: so it never accepts what Jackson would
     * refuse, and yields the same values for what it accepts (Long for whole numbers, the last
     * of repeated keys, insertion order, nothing read after the object's closing brace).
     */
    private static final class PlainObjectReader {
        private static final int MAX_DEPTH = 32;
        /** Longer strings go to Jackson, which enforces its length limits. */
        private static final int MAX_STRING = 65_536;
        /** Objects with more entries become hash maps. */
        private static final int SMALL_MAP = 16;
        private static final String[] NO_KEYS = new String[0];
        private static final FrozenMap EMPTY_MAP = new SmallFrozenMap(NO_KEYS, new Object[0], 0);
        private static final FrozenList EMPTY_LIST = new FrozenList(new Object[0], 0);
        /**
         * Recently read field names, by hash, so that the same name is not a new String on every
         * read (Jackson's symbol table does the same). Field names only, never values, which hold
         * tokens. Racy on purpose: a slot holds an immutable String or null, and a lost update
         * only costs an allocation.
         */
        private static final String[] NAMES = new String[256];
        private static final int MAX_CACHED_NAME = 32;

        /** Thrown to give up; preallocated and without a stack trace, since giving up is not an error. */
        private static final RuntimeException GIVE_UP = new RuntimeException("not plain JSON", null, false, false) {
        };

        private final byte[] in;
        private int at;

        private PlainObjectReader(byte[] in) {
            this.in = in;
        }

        static @Nullable Map<String, Object> read(byte[] json) {
            PlainObjectReader reader = new PlainObjectReader(json);
            try {
                reader.skipSpace();
                if (reader.peek() != '{') {
                    return null;
                }
                return reader.object(0);
            } catch (RuntimeException e) {
                if (e == GIVE_UP) {
                    return null;
                }
                throw e;
            }
        }

        private int peek() {
            if (at >= in.length) {
                throw GIVE_UP;
            }
            return in[at];
        }

        private void skipSpace() {
            while (at < in.length) {
                byte b = in[at];
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    return;
                }
                at++;
            }
        }

        /** At '{'. */
        private FrozenMap object(int depth) {
            if (depth >= MAX_DEPTH) {
                throw GIVE_UP;
            }
            at++;
            skipSpace();
            if (peek() == '}') {
                at++;
                return EMPTY_MAP;
            }
            String[] keys = new String[8];
            Object[] values = new Object[8];
            int size = 0;
            while (true) {
                if (peek() != '"') {
                    throw GIVE_UP;
                }
                String key = name();
                skipSpace();
                if (peek() != ':') {
                    throw GIVE_UP;
                }
                at++;
                skipSpace();
                Object value = value(depth);
                int existing = -1;
                for (int i = 0; i < size; i++) {
                    if (keys[i].equals(key)) {
                        existing = i;
                        break;
                    }
                }
                if (existing >= 0) {
                    values[existing] = value;
                } else {
                    if (size == keys.length) {
                        keys = Arrays.copyOf(keys, size * 2);
                        values = Arrays.copyOf(values, size * 2);
                    }
                    keys[size] = key;
                    values[size] = value;
                    size++;
                }
                skipSpace();
                int next = peek();
                at++;
                if (next == '}') {
                    break;
                }
                if (next != ',') {
                    throw GIVE_UP;
                }
                skipSpace();
            }
            if (size > SMALL_MAP) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(keys[i], values[i]);
                }
                return new HashedFrozenMap(map);
            }
            return new SmallFrozenMap(keys, values, size);
        }

        /** At '['. */
        private FrozenList array(int depth) {
            if (depth >= MAX_DEPTH) {
                throw GIVE_UP;
            }
            at++;
            skipSpace();
            if (peek() == ']') {
                at++;
                return EMPTY_LIST;
            }
            Object[] items = new Object[4];
            int size = 0;
            while (true) {
                Object value = value(depth);
                if (size == items.length) {
                    items = Arrays.copyOf(items, size * 2);
                }
                items[size++] = value;
                skipSpace();
                int next = peek();
                at++;
                if (next == ']') {
                    return new FrozenList(items, size);
                }
                if (next != ',') {
                    throw GIVE_UP;
                }
                skipSpace();
            }
        }

        private @Nullable Object value(int depth) {
            switch (peek()) {
                case '{':
                    return object(depth + 1);
                case '[':
                    return array(depth + 1);
                case '"': {
                    int start = at + 1;
                    int end = stringEnd();
                    return new String(in, start, end - start, StandardCharsets.ISO_8859_1);
                }
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    return number();
            }
        }

        /** At '"': moves past the closing quote and returns its index; gives up on escapes, controls and non-ASCII. */
        private int stringEnd() {
            int i = at + 1;
            int limit = Math.min(in.length, i + MAX_STRING);
            while (i < limit) {
                byte b = in[i];
                if (b == '"') {
                    at = i + 1;
                    return i;
                }
                if (b == '\\' || b < 0x20) { // also every byte >= 0x80, negative as a Java byte
                    throw GIVE_UP;
                }
                i++;
            }
            throw GIVE_UP;
        }

        private String name() {
            int start = at + 1;
            int end = stringEnd();
            int length = end - start;
            if (length > MAX_CACHED_NAME) {
                return new String(in, start, length, StandardCharsets.ISO_8859_1);
            }
            int hash = 0;
            for (int i = start; i < end; i++) {
                hash = 31 * hash + in[i];
            }
            int slot = (hash ^ (hash >>> 8)) & (NAMES.length - 1);
            String cached = NAMES[slot];
            if (cached != null && cached.length() == length) {
                int i = 0;
                while (i < length && cached.charAt(i) == in[start + i]) {
                    i++;
                }
                if (i == length) {
                    return cached;
                }
            }
            // Interned: a name the code looks up is a literal, so equals then succeeds on identity.
            String name = new String(in, start, length, StandardCharsets.ISO_8859_1).intern();
            NAMES[slot] = name;
            return name;
        }

        private void literal(String word) {
            int end = at + word.length();
            if (end > in.length) {
                throw GIVE_UP;
            }
            for (int i = 0; i < word.length(); i++) {
                if (in[at + i] != word.charAt(i)) {
                    throw GIVE_UP;
                }
            }
            at = end;
        }

        /** A whole number of at most 18 digits (always within a long); anything else gives up. */
        private Long number() {
            boolean negative = peek() == '-';
            int i = negative ? at + 1 : at;
            int start = i;
            long value = 0;
            while (i < in.length && in[i] >= '0' && in[i] <= '9') {
                value = value * 10 + (in[i] - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 18 || (digits > 1 && in[start] == '0')) {
                throw GIVE_UP;
            }
            if (i < in.length && (in[i] == '.' || in[i] == 'e' || in[i] == 'E')) {
                throw GIVE_UP;
            }
            at = i;
            return negative ? -value : value;
        }
    }
}
