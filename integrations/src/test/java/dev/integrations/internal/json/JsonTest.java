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
}
