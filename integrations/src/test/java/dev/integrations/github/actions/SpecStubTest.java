package dev.integrations.github.actions;

import dev.integrations.http.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stub itself: it must catch what GitHub's description forbids, or the contract tests prove nothing. */
class SpecStubTest extends ContractTestSupport {

    @Test
    void aBodyMissingARequiredFieldIsReported() {
        github.rawRequest("POST", "/repos/octocat/Hello-World/issues", Map.of("body", "no title"));

        assertThat(stub.exchanges().get(0).problems()).anyMatch(p -> p.contains("title"));
    }

    @Test
    void aQueryParameterOutsideItsEnumIsReported() {
        github.rawRequest(r -> r.path("/user/repos").query("sort", "stars"));

        assertThat(stub.exchanges().get(0).problems()).anyMatch(p -> p.contains("stars"));
    }

    @Test
    void aMissingRequiredQueryParameterIsReported() {
        github.rawRequest("GET", "/search/issues");

        assertThat(stub.exchanges().get(0).problems()).anyMatch(p -> p.contains("'q'"));
    }

    @Test
    void anUndocumentedPathIsReported() {
        assertThatThrownBy(() -> github.rawRequest("PUT", "/user/status", Map.of("message", "hi")))
                .isInstanceOf(NotFoundException.class);

        assertThat(stub.exchanges().get(0).operationId()).isNull();
        assertThat(stub.exchanges().get(0).problems()).anyMatch(p -> p.contains("no operation"));
    }

    @Test
    void theMostSpecificRouteWins() {
        github.rawRequest("GET", "/user/codespaces/secrets");

        assertThat(stub.exchanges().get(0).operationId()).isEqualTo("codespaces/list-secrets-for-authenticated-user");
    }
}
