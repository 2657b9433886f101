package dev.integrations.auth;

import dev.integrations.AuthManager;

import dev.integrations.github.auth.GithubUserCredentials;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defect 13: a String subject and a Map subject used to share one namespace, so the string
 * {@code {"tenant":"acme","user":"admin"}} read and overwrote the credentials of
 * {@code Map.of("tenant","acme","user","admin")}.
 */
@DisplayName("defect 13: String and Map subjects are disjoint namespaces")
class SubjectNamespaceTest {
    private static final String AS_STRING = "{\"tenant\":\"acme\",\"user\":\"admin\"}";
    private static final Map<String, Object> AS_MAP = Map.of("tenant", "acme", "user", "admin");

    private final AuthManager auth = AuthManager.builder().environment(Map.of("GITHUB_CLIENT_ID", "client")).build();

    private static Map<String, Object> data(String token) {
        return GithubUserCredentials.ofToken(token).toMap();
    }

    @Test
    @DisplayName("defect 13: the string form of a map subject is refused everywhere a subject is taken, saying to pass the Map")
    void defect13_canonicalJsonStringIsRefused() {
        assertThatThrownBy(() -> Subject.canonical(AS_STRING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Pass the Map");
        assertThatThrownBy(() -> auth.storeCredentials("github", AS_STRING, GithubUserCredentials.ofToken("t")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> auth.loadCredentials("github", AS_STRING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> auth.session(AS_STRING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> auth.github().oauth2().authorize(a -> a.subject(AS_STRING)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> auth.github().oauth2().exchange(e -> e.code("c").state("s").subject(AS_STRING)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Subject.canonical("{\"a\":{\"b\":[1,2]}}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("defect 13: the map's credentials cannot be read or overwritten through the string, in either direction")
    void defect13_mapCredentialsUnreachableThroughTheString() {
        auth.storeCredentials("github", AS_MAP, GithubUserCredentials.ofToken("map-token"));

        assertThatThrownBy(() -> auth.storeCredentials("github", AS_STRING, GithubUserCredentials.ofToken("string-token")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> auth.loadCredentials("github", AS_STRING)).isInstanceOf(IllegalArgumentException.class);
        assertThat(auth.loadCredentials("github", AS_MAP)).get().extracting(UserCredentials::accessToken)
                .isEqualTo("map-token");
    }

    @Test
    @DisplayName("defect 13: a row written by the earlier version under the canonical string stays readable through the Map")
    void defect13_earlierRowUnderCanonicalStringReadableThroughMap() {
        auth.credentialStore().set("github", AS_STRING, data("old-token"));

        assertThat(auth.loadCredentials("github", AS_MAP)).get().extracting(UserCredentials::accessToken)
                .isEqualTo("old-token");
        try (var session = auth.session(s -> s.subject(AS_MAP))) {
            assertThat(session.github().settings().token()).isEqualTo("old-token");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{ \"tenant\": \"acme\", \"user\": \"admin\" }", "{\"user\":\"admin\",\"tenant\":\"acme\"}",
            "{weird", "{not json}", "{}", " {\"tenant\":\"acme\",\"user\":\"admin\"}", "user-{42}"})
    @DisplayName("defect 13: other strings, even JSON that is not canonical, stay plain string subjects, apart from the map")
    void defect13_otherStringsStayStringSubjects(String subject) {
        auth.credentialStore().set("github", subject, data("string-token"));
        auth.storeCredentials("github", AS_MAP, GithubUserCredentials.ofToken("map-token"));

        assertThat(Subject.canonical(subject)).isEqualTo(subject);
        assertThat(auth.loadCredentials("github", subject)).get().extracting(UserCredentials::accessToken)
                .isEqualTo("string-token");
        assertThat(auth.loadCredentials("github", AS_MAP)).get().extracting(UserCredentials::accessToken)
                .isEqualTo("map-token");
    }
}
