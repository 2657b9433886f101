package dev.integrations.github.sandbox;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @ExtendWith(GithubSandboxExtension.class)}: a fresh sandbox per test, closed after it. */
@ExtendWith(GithubSandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionParameterInjectionTest {

    private static URI firstSandbox;

    @Test
    @Order(1)
    void injectsAStartedSandbox(GithubSandbox sandbox) {
        firstSandbox = sandbox.baseUri();

        assertThat(TestHttp.getUser(sandbox, sandbox.issueToken(sandbox.defaultUser())).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void eachTestGetsAFreshSandboxAndThePreviousOneIsClosed(GithubSandbox sandbox) {
        assertThat(sandbox.baseUri()).isNotEqualTo(firstSandbox);
        assertThat(sandbox.requests()).isEmpty();
        HttpRequest request = HttpRequest.newBuilder(firstSandbox.resolve("/user")).timeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> TestHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    @Order(3)
    void twoParametersInOneTestAreTheSameSandbox(GithubSandbox first, GithubSandbox second) {
        assertThat(first).isSameAs(second);
    }
}
