package dev.integrations.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Subject.canonical")
class SubjectTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"user-123", "User-123", " padded ", "{ \"not\": \"canonical\" }", "ü-ñ-✓"})
    @DisplayName("returns a string subject exactly as given")
    void stringsAsIs(String subject) {
        assertThat(Subject.canonical(subject)).isEqualTo(subject);
    }

    @Test
    @DisplayName("writes a map as compact JSON with keys sorted")
    void mapAsSortedCompactJson() {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("user", 42);
        subject.put("tenant", "acme");
        subject.put("admin", true);

        assertThat(Subject.canonical(subject)).isEqualTo("{\"admin\":true,\"tenant\":\"acme\",\"user\":42}");
    }

    @Test
    @DisplayName("gives the same string for the same content whatever the insertion order, at every level")
    void insertionOrderDoesNotMatter() {
        Map<String, Object> innerA = new LinkedHashMap<>();
        innerA.put("z", 1);
        innerA.put("a", Map.of("y", "Y", "b", "B"));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("tenant", "acme");
        a.put("org", innerA);
        a.put("roles", List.of(orderedMap("k2", "v2", "k1", "v1"), "plain"));

        Map<String, Object> innerInnerB = new LinkedHashMap<>();
        innerInnerB.put("b", "B");
        innerInnerB.put("y", "Y");
        Map<String, Object> innerB = new LinkedHashMap<>();
        innerB.put("a", innerInnerB);
        innerB.put("z", 1);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("roles", List.of(orderedMap("k1", "v1", "k2", "v2"), "plain"));
        b.put("org", innerB);
        b.put("tenant", "acme");

        String canonical = Subject.canonical(a);

        assertThat(Subject.canonical(b)).isEqualTo(canonical);
        assertThat(canonical).isEqualTo(
                "{\"org\":{\"a\":{\"b\":\"B\",\"y\":\"Y\"},\"z\":1},\"roles\":[{\"k1\":\"v1\",\"k2\":\"v2\"},\"plain\"],\"tenant\":\"acme\"}");
        assertThat(Subject.canonical(new TreeMap<>(b))).isEqualTo(canonical);
        assertThat(Subject.canonical(new HashMap<>(a))).isEqualTo(canonical);
    }

    @Test
    @DisplayName("keeps list order (lists are ordered in JSON) and JSON null values")
    void listOrderAndNullsKept() {
        Map<String, Object> subject = new HashMap<>();
        subject.put("ids", List.of(3, 1, 2));
        subject.put("nothing", null);

        assertThat(Subject.canonical(subject)).isEqualTo("{\"ids\":[3,1,2],\"nothing\":null}");
        assertThat(Subject.canonical(Map.of("ids", List.of(1, 2, 3))))
                .isNotEqualTo(Subject.canonical(Map.of("ids", List.of(3, 2, 1))));
    }

    @Test
    @DisplayName("does not change the caller's map")
    void callerMapUntouched() {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("b", 1);
        subject.put("a", 2);

        Subject.canonical(subject);

        assertThat(subject.keySet()).containsExactly("b", "a");
    }

    @Test
    @DisplayName("a string subject and the map that looks like it stay distinct")
    void stringAndMapDistinct() {
        assertThat(Subject.canonical(Map.of("user", "1"))).isNotEqualTo(Subject.canonical("user"));
    }

    static Stream<Arguments> invalid() {
        Map<Object, Object> nonStringKey = new HashMap<>();
        nonStringKey.put(1, "one");
        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        Map<String, Object> nestedNonStringKey = new HashMap<>();
        nestedNonStringKey.put("outer", Map.of(1, "one"));
        List<Object> listWithObject = new ArrayList<>();
        listWithObject.add(new Object());
        return Stream.of(
                Arguments.of("null", null),
                Arguments.of("empty string", ""),
                Arguments.of("blank string", "   \t"),
                Arguments.of("empty map", Map.of()),
                Arguments.of("a number", 42),
                Arguments.of("a list", List.of("user")),
                Arguments.of("an Object()", new Object()),
                Arguments.of("map with an Object() value", Map.of("user", new Object())),
                Arguments.of("map with a Thread value", Map.of("user", Thread.currentThread())),
                Arguments.of("map with a nested non-JSON value", Map.of("outer", Map.of("inner", new StringBuilder("x")))),
                Arguments.of("map with a non-JSON value in a list", Map.of("items", listWithObject)),
                Arguments.of("map with a non-string key", nonStringKey),
                Arguments.of("map with a null key", nullKey),
                Arguments.of("map with a nested non-string key", nestedNonStringKey));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    @DisplayName("refuses values that cannot name a subject with IllegalArgumentException")
    void invalidSubjectsRefused(String description, Object subject) {
        assertThatThrownBy(() -> Subject.canonical(subject)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> orderedMap(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
