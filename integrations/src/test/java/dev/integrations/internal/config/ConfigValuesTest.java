package dev.integrations.internal.config;

import dev.integrations.core.ConfigurationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("ConfigValues")
class ConfigValuesTest {

    @Test
    @DisplayName("firstSet returns the trimmed value of the first non-blank key, firstSetKey its name")
    void firstSetSkipsBlankKeys() {
        Map<String, String> env = Map.of("A", "  ", "B", " b-value ", "C", "c-value");

        assertThat(ConfigValues.firstSet(env, List.of("A", "B", "C"))).isEqualTo("b-value");
        assertThat(ConfigValues.firstSetKey(env, List.of("A", "B", "C"))).isEqualTo("B");
        assertThat(ConfigValues.firstSet(env, List.of("C", "B"))).isEqualTo("c-value");
        assertThat(ConfigValues.firstSet(env, List.of("A", "MISSING"))).isNull();
        assertThat(ConfigValues.firstSetKey(env, List.of("A", "MISSING"))).isNull();
    }

    @Test
    @DisplayName("rejectUnknownKeys names every unknown key and lists the accepted ones")
    void rejectUnknownKeys() {
        assertThatThrownBy(() -> ConfigValues.rejectUnknownKeys(Map.of("b", 1, "zz", 2, "yy", 3), Set.of("a", "b"), "widget"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("widget")
                .hasMessageContaining("[yy, zz]")
                .hasMessageContaining("[a, b]");
        ConfigValues.rejectUnknownKeys(Map.of("a", 1), Set.of("a", "b"), "widget");
    }

    @Test
    @DisplayName("string trims, treats blank as unset and refuses non-strings")
    void string() {
        assertThat(ConfigValues.string("  x ", "f")).isEqualTo("x");
        assertThat(ConfigValues.string("   ", "f")).isNull();
        assertThat(ConfigValues.string(null, "f")).isNull();
        assertThatThrownBy(() -> ConfigValues.string(42, "the-field"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the-field");
    }

    @Test
    @DisplayName("httpUri accepts absolute http(s) URLs only")
    void httpUri() {
        assertThat(ConfigValues.httpUri("https://example.com/x", "f")).isEqualTo(URI.create("https://example.com/x"));
        assertThat(ConfigValues.httpUri("HTTP://example.com", "f")).isEqualTo(URI.create("HTTP://example.com"));
        assertThat(ConfigValues.httpUri(" ", "f")).isNull();
        for (String bad : List.of("example.com", "file:///etc/passwd", "https://", "https:///path", "ht tp://x")) {
            assertThatThrownBy(() -> ConfigValues.httpUri(bad, "url-field"))
                    .as(bad)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("url-field");
        }
    }

    @Test
    @DisplayName("duration accepts numbers, units and ISO-8601 and refuses zero, negatives and nonsense")
    void duration() {
        assertThat(ConfigValues.duration("10", "f")).isEqualTo(Duration.ofSeconds(10));
        assertThat(ConfigValues.duration("2.5", "f")).isEqualTo(Duration.ofMillis(2500));
        assertThat(ConfigValues.duration("500ms", "f")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigValues.duration("2m", "f")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ConfigValues.duration("PT3S", "f")).isEqualTo(Duration.ofSeconds(3));
        assertThat(ConfigValues.duration(1.5, "f")).isEqualTo(Duration.ofMillis(1500));
        assertThat(ConfigValues.duration(null, "f")).isNull();
        for (Object bad : List.<Object>of("0", "-1", Duration.ZERO, Duration.ofSeconds(-1), "abc", "PT", "5 parsecs")) {
            assertThatThrownBy(() -> ConfigValues.duration(bad, "dur-field"))
                    .as(String.valueOf(bad))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("dur-field");
        }
    }

    @Test
    @DisplayName("stringList splits strings on commas and whitespace and accepts lists and arrays")
    void stringList() {
        assertThat(ConfigValues.stringList("a,b c\t d,,", "f")).containsExactly("a", "b", "c", "d");
        assertThat(ConfigValues.stringList(List.of("a", " ", "b"), "f")).containsExactly("a", "b");
        assertThat(ConfigValues.stringList(new String[] {"x", "y"}, "f")).containsExactly("x", "y");
        assertThat(ConfigValues.stringList("", "f")).isEmpty();
        assertThatThrownBy(() -> ConfigValues.stringList(5, "list-field"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("list-field");
    }

    @Test
    @DisplayName("copy keeps null values (they mean unset) and is unmodifiable")
    void copyKeepsNulls() {
        Map<String, Object> source = new HashMap<>();
        source.put("a", null);
        source.put("b", 1);

        Map<String, Object> copy = ConfigValues.copy(source);
        source.put("c", 2);

        assertThat(copy).containsEntry("a", null).containsEntry("b", 1).doesNotContainKey("c");
        assertThatThrownBy(() -> copy.put("d", 3)).isInstanceOf(UnsupportedOperationException.class);
    }
}
