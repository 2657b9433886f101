package dev.integrations.github;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class GithubSettingsShapeTest {
    @Test
    @DisplayName("issue 8: GithubSettings is a final class with a builder, not a record whose constructor grows with every setting")
    void noPublicConstructor() {
        assertThat(GithubSettings.class.isRecord()).isFalse();
        assertThat(Modifier.isFinal(GithubSettings.class.getModifiers())).isTrue();
        assertThat(Arrays.stream(GithubSettings.class.getDeclaredConstructors()).map(c -> c.getModifiers()))
                .allMatch(Modifier::isPrivate);
    }

    @Test
    @DisplayName("issue 8: settings keep value semantics: equal settings are equal, toBuilder round-trips")
    void valueSemantics() {
        GithubSettings a = GithubSettings.builder().token("ghp_value_semantics").timeout(Duration.ofSeconds(5)).build();
        GithubSettings b = GithubSettings.builder().token("ghp_value_semantics").timeout(Duration.ofSeconds(5)).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a.toBuilder().timeout(Duration.ofSeconds(6)).build()).isNotEqualTo(a);
        assertThat(a.toString()).doesNotContain("ghp_value_semantics");
    }
}
