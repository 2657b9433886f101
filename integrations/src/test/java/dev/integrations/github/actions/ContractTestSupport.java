package dev.integrations.github.actions;

import dev.integrations.github.client.GithubClients;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import dev.integrations.http.HttpTransport;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every action contract test shares: GitHub's OpenAPI description (loaded once per run), one
 * {@link SpecStub} answering with the description's examples, and a provider pointed at it.
 */
public abstract class ContractTestSupport {
    /** The stub; shared by every test class of the run. */
    public static final SpecStub stub = SpecStub.shared();
    private static final HttpTransport transport = HttpTransport.create();
    /** A provider against the stub, as an application would build one. */
    public static final GithubClient github = GithubClients.create(
            GithubSettings.builder().token("ghp_contract_test_token").baseUrl(stub.baseUrl()).build(), transport);

    @BeforeEach
    public void resetStub() {
        stub.reset();
    }

    /**
     * Asserts the stub received exactly these operations, in order, each one valid against
     * GitHub's description (method, path, query and body), and returns the exchanges.
     */
    public static List<SpecStub.Exchange> assertRequests(String... operationIds) {
        List<SpecStub.Exchange> exchanges = stub.exchanges();
        assertThat(exchanges).extracting(SpecStub.Exchange::operationId).containsExactly(operationIds);
        for (SpecStub.Exchange exchange : exchanges) {
            assertThat(exchange.problems())
                    .as("%s %s?%s %s is not valid against GitHub's OpenAPI description", exchange.method(), exchange.path(),
                            exchange.query(), exchange.body())
                    .isEmpty();
        }
        return exchanges;
    }

    /** {@link #assertRequests} for one request, returning it. */
    public static SpecStub.Exchange assertRequest(String operationId) {
        return assertRequests(operationId).get(0);
    }

    /** Asserts nothing reached the stub. */
    public static void assertNothingSent() {
        assertThat(stub.exchanges()).as("requests sent despite invalid arguments: %s",
                stub.exchanges().stream().map(e -> e.method() + " " + e.path()).collect(Collectors.joining(", "))).isEmpty();
    }

    /** A component example of the description, e.g. {@code issue}. */
    public static JsonNode example(String name) {
        return stub.api().componentExample(name);
    }
}
