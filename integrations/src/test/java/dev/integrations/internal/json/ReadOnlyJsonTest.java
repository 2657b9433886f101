package dev.integrations.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("issue 12: read-only JSON trees, parsed once and shared instead of copied")
class ReadOnlyJsonTest {
    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"login\":\"octocat\",\"id\":1,\"plan\":{\"name\":\"Medium\",\"space\":400},\"site_admin\":false,\"bio\":null}",
            "[1,2.5,-3,\"x\",true,false,null,[],{}]",
            "{\"long\":9007199254740993,\"neg\":-1,\"exp\":1e3,\"frac\":0.1,\"min\":-9223372036854775808}",
            "{\"dup\":1,\"dup\":2}",
            "{\"unicode\":\"caf\\u00e9 \u00e9t\u00e9 \uD83D\uDE00\",\"escapes\":\"a\\\"b\\\\c\\n\"}",
            "\"just a string\"",
            "42",
            "{\"nested\":[[[{\"deep\":[1,{\"a\":[]}]}]]]}",
            "{\"a\":1} trailing is ignored as readTree ignores it"
    })
    @DisplayName("parses to a tree equal to Jackson's readTree with the SDK's configuration")
    void sameTreeAsReadTree(String json) throws IOException {
        JsonNode expected = Json.parse(utf8(json));

        assertThat(ReadOnlyJson.parse(utf8(json))).isEqualTo(expected);
        assertThat(ReadOnlyJson.parse(new ByteArrayInputStream(utf8(json)))).isEqualTo(expected);
        assertThat(ReadOnlyJson.parse(utf8(json)).toString()).isEqualTo(expected.toString());
    }

    @Test
    @DisplayName("an integer beyond long is kept exactly (the SDK's readTree refuses it as out of range)")
    void integersBeyondLong() throws IOException {
        JsonNode tree = ReadOnlyJson.parse(utf8("{\"big\":123456789012345678901234567890}"));

        assertThat(tree.get("big").isBigInteger()).isTrue();
        assertThat(tree.get("big").bigIntegerValue()).isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
    }

    @Test
    @DisplayName("empty or blank input is a MissingNode, malformed input an IOException")
    void emptyAndMalformedInput() throws IOException {
        assertThat(ReadOnlyJson.parse(new ByteArrayInputStream(new byte[0]))).isEqualTo(MissingNode.getInstance());
        assertThat(ReadOnlyJson.parse(utf8("  \n "))).isEqualTo(MissingNode.getInstance());
        assertThatThrownBy(() -> ReadOnlyJson.parse(utf8("{\"a\":"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ReadOnlyJson.parse(utf8("{\"a\" 1}"))).isInstanceOf(IOException.class);
    }

    @Test
    @DisplayName("hostile nesting ends in a parse error, not a stack overflow")
    void deepNestingIsRefused() {
        byte[] deep = utf8("[".repeat(200_000) + "]".repeat(200_000));

        assertThatThrownBy(() -> ReadOnlyJson.parse(deep)).isInstanceOf(IOException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    @DisplayName("every way to change an object or an array throws, at every level")
    void mutatorsThrow() throws IOException {
        JsonNode tree = ReadOnlyJson.parse(utf8("{\"user\":{\"login\":\"octocat\"},\"labels\":[\"bug\",{\"name\":\"x\"}]}"));
        ObjectNode root = (ObjectNode) tree;
        ObjectNode user = (ObjectNode) tree.get("user");
        ArrayNode labels = (ArrayNode) tree.get("labels");
        ObjectNode label = (ObjectNode) labels.get(1);

        List<Consumer<JsonNode>> changes = List.of(
                node -> ((ObjectNode) node).put("login", "mallory"),
                node -> ((ObjectNode) node).set("login", JsonNodeFactory.instance.textNode("mallory")),
                node -> ((ObjectNode) node).remove("login"),
                node -> ((ObjectNode) node).removeAll(),
                node -> ((ObjectNode) node).putObject("more"),
                node -> ((ObjectNode) node).withObject("/more/deeper"),
                node -> ((ObjectNode) node).setAll(Map.of("k", JsonNodeFactory.instance.nullNode())),
                node -> ((ObjectNode) node).retain("nothing"),
                node -> node.properties().iterator().next().setValue(JsonNodeFactory.instance.nullNode()),
                node -> {
                    Iterator<String> names = node.fieldNames();
                    names.next();
                    names.remove();
                });
        for (ObjectNode object : List.of(root, user, label)) {
            for (Consumer<JsonNode> change : changes) {
                assertThatThrownBy(() -> change.accept(object)).isInstanceOf(UnsupportedOperationException.class);
            }
        }
        assertThatThrownBy(() -> labels.add("feature")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> labels.set(0, JsonNodeFactory.instance.textNode("x")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> labels.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(labels::removeAll).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> {
            Iterator<JsonNode> elements = labels.elements();
            elements.next();
            elements.remove();
        }).isInstanceOf(UnsupportedOperationException.class);
        assertThat(tree.toString()).isEqualTo("{\"user\":{\"login\":\"octocat\"},\"labels\":[\"bug\",{\"name\":\"x\"}]}");
    }

    @Test
    @DisplayName("deepCopy gives an ordinary tree the caller may change; the read-only one stays as it was")
    void deepCopyIsMutable() throws IOException {
        JsonNode tree = ReadOnlyJson.parse(utf8("{\"plan\":{\"name\":\"Medium\"},\"list\":[1]}"));

        ObjectNode copy = (ObjectNode) tree.deepCopy();
        copy.put("login", "octocat");
        ((ObjectNode) copy.get("plan")).put("name", "Free");
        ((ArrayNode) copy.get("list")).add(2);

        assertThat(copy.toString()).isEqualTo("{\"plan\":{\"name\":\"Free\"},\"list\":[1,2],\"login\":\"octocat\"}");
        assertThat(tree.toString()).isEqualTo("{\"plan\":{\"name\":\"Medium\"},\"list\":[1]}");
        assertThat(ReadOnlyJson.isReadOnly(copy)).isFalse();
    }

    @Test
    @DisplayName("of() shares a read-only tree and copies a mutable one, so later changes to it do not show")
    void ofSharesOrCopies() throws IOException {
        JsonNode readOnly = ReadOnlyJson.parse(utf8("{\"a\":[1]}"));
        assertThat(ReadOnlyJson.of(readOnly)).isSameAs(readOnly);
        assertThat(ReadOnlyJson.of(null)).isNull();
        JsonNode text = JsonNodeFactory.instance.textNode("value nodes are immutable");
        assertThat(ReadOnlyJson.of(text)).isSameAs(text);

        ObjectNode mutable = JsonNodeFactory.instance.objectNode();
        mutable.putArray("a").add(1L);
        JsonNode kept = ReadOnlyJson.of(mutable);
        mutable.put("b", 2);
        ((ArrayNode) mutable.get("a")).add(3);

        assertThat(kept).isNotSameAs(mutable);
        assertThat(ReadOnlyJson.isReadOnly(kept)).isTrue();
        assertThat(ReadOnlyJson.isReadOnly(kept.get("a"))).isTrue();
        assertThat(kept.toString()).isEqualTo("{\"a\":[1]}");
        assertThat(kept).isEqualTo(readOnly);
    }
}
