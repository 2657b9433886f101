package dev.integrations.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * JSON trees that cannot change: the objects and arrays are Jackson's own node types over
 * unmodifiable children, so every mutator ({@code put}, {@code set}, {@code remove}, a
 * {@code setValue} on an entry of {@code properties()}...) throws
 * {@link UnsupportedOperationException}, including mutators later Jackson versions add, since
 * they all write through the children. Value nodes are immutable already.
 *
 * <p>Why: a response body is parsed once and then read by the SDK's record types, by paging and by
 * the caller. With a mutable tree each of them had to copy it (a 1.3 KB user object costs ~2.5 KB
 * and ~1 us per copy); a read-only tree is shared instead. {@code deepCopy()} still returns an
 * ordinary mutable copy for callers who want to edit one.
 */
public final class ReadOnlyJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The SDK mapper's factory: same parser limits, and its symbol table shares field-name strings. */
    private static final JsonFactory STREAMS = Json.reader().getFactory();

    private ReadOnlyJson() {
    }

    /**
     * Parses one JSON value into a read-only tree, with the SDK's parser limits and its reading of
     * numbers (integers as {@code long}, larger ones as {@code BigInteger}, fractions as
     * {@code double}); the last of duplicate keys wins, as with {@code ObjectMapper.readTree}.
     *
     * @param json the bytes
     * @return the tree; {@link MissingNode} for empty input
     * @throws IOException when the bytes are not JSON
     */
    public static JsonNode parse(byte[] json) throws IOException {
        return parse(STREAMS.createParser(json));
    }

    /**
     * Parses one JSON value from a stream (see {@link #parse(byte[])}); the caller closes the stream.
     *
     * @param json the stream
     * @return the tree; {@link MissingNode} for empty input
     * @throws IOException when the bytes are not JSON or cannot be read
     */
    public static JsonNode parse(java.io.InputStream json) throws IOException {
        return parse(STREAMS.createParser(json));
    }

    private static JsonNode parse(JsonParser parser) throws IOException {
        try (parser) {
            JsonToken first = parser.nextToken();
            return first == null ? MissingNode.getInstance() : value(parser, first);
        }
    }

    /**
     * The same tree, read-only: {@code node} itself when it is read-only already (so holders can
     * share it), else a read-only deep copy.
     *
     * @param node a tree, or null
     * @return a read-only tree, or null for null
     */
    public static @Nullable JsonNode of(@Nullable JsonNode node) {
        if (node == null || isReadOnly(node)) {
            return node;
        }
        return copy(node);
    }

    /**
     * Whether nothing in {@code node} can change.
     *
     * @param node a tree
     * @return true for read-only containers and for value nodes
     */
    public static boolean isReadOnly(JsonNode node) {
        return node instanceof ReadOnlyObjectNode || node instanceof ReadOnlyArrayNode || !node.isContainerNode();
    }

    private static JsonNode copy(JsonNode node) {
        if (isReadOnly(node)) {
            return node;
        }
        if (node.isObject()) {
            Map<String, JsonNode> children = new LinkedHashMap<>(capacity(node.size()));
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                children.put(field.getKey(), copy(field.getValue()));
            }
            return new ReadOnlyObjectNode(children);
        }
        List<JsonNode> children = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            children.add(copy(element));
        }
        return new ReadOnlyArrayNode(children);
    }

    /**
     * One value starting at {@code token}. Recursive: nesting is bounded by the parser's
     * {@code StreamReadConstraints} (1,000 levels by default), so hostile input gets a parse error,
     * not a stack overflow.
     */
    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, JsonNode> children = new LinkedHashMap<>();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    children.put(name, value(parser, parser.nextToken()));
                }
                return new ReadOnlyObjectNode(children);
            }
            case START_ARRAY: {
                List<JsonNode> children = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    children.add(value(parser, next));
                }
                return new ReadOnlyArrayNode(children);
            }
            case VALUE_STRING:
                return TextNode.valueOf(parser.getText());
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(parser.getBigIntegerValue())
                        : NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.getInstance();
            default:
                // END_OBJECT or a field name where a value belongs: the parser has already refused
                // malformed input, so this is a token JSON text cannot produce (embedded objects).
                throw new IOException("unexpected JSON token " + token + " at " + parser.currentLocation().offsetDescription());
        }
    }

    private static int capacity(int size) {
        return size < 3 ? 4 : (int) (size / 0.75f) + 1;
    }

    /** An object node over an unmodifiable map: every mutator fails, {@code deepCopy()} is mutable. */
    private static final class ReadOnlyObjectNode extends ObjectNode {
        private static final long serialVersionUID = 1L;

        ReadOnlyObjectNode(Map<String, JsonNode> children) {
            super(NODES, Collections.unmodifiableMap(children));
        }
    }

    /** An array node over an unmodifiable list: every mutator fails, {@code deepCopy()} is mutable. */
    private static final class ReadOnlyArrayNode extends ArrayNode {
        private static final long serialVersionUID = 1L;

        ReadOnlyArrayNode(List<JsonNode> children) {
            super(NODES, Collections.unmodifiableList(children));
        }
    }
}
