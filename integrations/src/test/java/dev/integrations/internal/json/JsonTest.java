package dev.integrations.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {
    @Test
    @DisplayName("issue 8: Json never hands out the shared mutable ObjectMapper")
    void noMethodReturnsTheSharedMapper() {
        assertThat(Arrays.stream(Json.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .map(Method::getReturnType))
                .noneMatch(ObjectMapper.class::isAssignableFrom);
    }

    @Test
    @DisplayName("issue 8: the reader Json shares is immutable and parses with the SDK's configuration")
    void readerIsImmutableAndConfigured() throws Exception {
        ObjectReader reader = Json.reader();
        // Reconfiguring an ObjectReader yields a new reader; the shared one keeps its settings.
        reader.with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        assertThat(Json.reader().isEnabled(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .isFalse();
        assertThat(Json.parse(new java.io.ByteArrayInputStream("{\"n\":1}".getBytes(StandardCharsets.UTF_8)))
                .get("n").isLong()).isTrue();
    }

    @Test
    @DisplayName("issue 12: a parsed object is frozen in place, deeply, and deepCopy hands it on instead of copying")
    void parsedObjectIsFrozenAndNotCopiedAgain() throws Exception {
        java.util.Map<String, Object> parsed = Json.parseFrozenObject(
                "{\"a\":1,\"nested\":{\"list\":[{\"x\":\"y\"},2]}}".getBytes(StandardCharsets.UTF_8));

        assertThat(parsed).isEqualTo(java.util.Map.of("a", 1L, "nested",
                java.util.Map.of("list", java.util.List.of(java.util.Map.of("x", "y"), 2L))));
        assertThat(Json.deepCopy(parsed)).isSameAs(parsed);
        java.util.Map<?, ?> nested = (java.util.Map<?, ?>) parsed.get("nested");
        java.util.List<?> list = (java.util.List<?>) nested.get("list");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parsed.put("a", 2L))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parsed.entrySet().iterator().next().setValue(2L))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> nested.clear())
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> list.remove(0))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ((java.util.Map<?, ?>) list.get(0)).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("issue 12: deepCopy of a caller's map still copies it, so later changes to the original do not show")
    void deepCopyOfAForeignMapStillCopies() {
        java.util.Map<String, Object> inner = new java.util.LinkedHashMap<>(java.util.Map.of("k", "v"));
        java.util.Map<String, Object> original = new java.util.LinkedHashMap<>();
        original.put("inner", inner);

        java.util.Map<String, Object> copy = Json.deepCopy(original);
        inner.put("k", "changed");
        original.put("added", true);

        assertThat(copy).isEqualTo(java.util.Map.of("inner", java.util.Map.of("k", "v")));
        assertThat(Json.deepCopy(copy)).isSameAs(copy);
    }

    @Test
    @DisplayName("issue 12: a parsed credential map behaves as the ordered map the mapper makes: order, nulls, equality")
    void parsedMapBehavesLikeTheMappersMap() throws Exception {
        byte[] json = "{\"access_token\":\"gho_x\",\"expires_at\":null,\"scope\":[\"repo\"],\"raw\":{}}"
                .getBytes(StandardCharsets.UTF_8);

        java.util.Map<String, Object> parsed = Json.parseFrozenObject(json);
        java.util.Map<String, Object> mapper = Json.parseObject(json);

        assertThat(parsed).containsExactlyEntriesOf(mapper);
        assertThat(mapper).isEqualTo(parsed);
        assertThat(parsed.hashCode()).isEqualTo(mapper.hashCode());
        assertThat(parsed.toString()).isEqualTo(mapper.toString());
        assertThat(parsed.containsKey("expires_at")).isTrue();
        assertThat(parsed.get("expires_at")).isNull();
        assertThat(parsed.containsKey("refresh_token")).isFalse();
        assertThat(parsed.keySet()).containsExactly("access_token", "expires_at", "scope", "raw");
        assertThat(parsed.get("scope")).isEqualTo(java.util.List.of("repo"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ((java.util.List<?>) parsed.get("scope")).get(1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parsed.remove("scope"))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parsed.keySet().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(Json.deepCopy(parsed)).isSameAs(parsed);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "{}",
        "{\"access_token\":\"gho_x\",\"scope\":[\"repo\",\"user\"],\"expires_at\":1767225600,\"raw\":{}}",
        "{\"big\":9223372036854775807,\"neg\":-9223372036854775808,\"f\":1.5e3,\"t\":true,\"n\":null}",
        "{\"dup\":1,\"dup\":{\"a\":[[],[{}],null,false]},\"u\":\"\\u00e9\\n\u20ac\"}",
        " { \"spaced\" : [ 1 , 2.0 ] } ",
        // Plain JSON, read without Jackson: nesting, every literal, signs, repeated keys, whitespace
        "{\"a\":{\"b\":[1,-2,0,-0,true,false,null,\"s\",[],{}]},\"dup\":1,\"x\":[],\"dup\":\"last\"}",
        "\t{\n \"k\" :\r\"v\" , \"n\":123456789012345678 }",
        "{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k10\":10,"
            + "\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14,\"k15\":15,\"k16\":16,\"k17\":17,\"k1\":0}",
        "{\"a_field_name_longer_than_thirty_two_bytes\":\"\u007f~\"}"
    })
    @DisplayName("issue 12: parseFrozenObject yields exactly the values parseObject does")
    void frozenParseMatchesTheMapper(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        java.util.Map<String, Object> frozen = Json.parseFrozenObject(bytes);

        assertThat(frozen).isEqualTo(Json.parseObject(bytes));
        assertThat(Json.write(frozen)).isEqualTo(Json.write(Json.parseObject(bytes)));
        assertThat(frozen.get("big")).isEqualTo(Json.parseObject(bytes).get("big"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "[1]", "\"s\"", "{\"a\":1", "{\"a\":}", "{\"a\":[1,}", "null",
        "{\"big\":123456789012345678901234567890}", "{\"a\":tru}", "{\"a\":nulll}", "{\"a\":01}", "{\"a\":1,}",
        "{\"a\" 1}", "{\"a\":\"x}", "{\"a\":[1 2]}", "{\"a\":-}", "{\"a\":\"tab\there\"}", "{a:1}"})
    @DisplayName("issue 12: parseFrozenObject refuses what is not one JSON object with an IOException")
    void frozenParseRefusesNonObjects(String json) {
        if (json.contains("big")) {
            // The mapper's binding (USE_LONG_FOR_INTS) refuses it too.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.parseObject(json.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(java.io.IOException.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.parseFrozenObject(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(java.io.IOException.class);
    }
}
