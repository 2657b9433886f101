/**
 * integrations-github-sandbox: an embeddable, stateful, real-HTTP stand-in for github.com's OAuth
 * endpoints and a subset of api.github.com, for tests and offline use.
 *
 * <p>Start at {@link dev.integrations.github.sandbox.GithubSandbox}, or register
 * {@link dev.integrations.github.sandbox.GithubSandboxExtension} with JUnit 5.
 */
module dev.integrations.github.sandbox {
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires jdk.httpserver;
    requires org.slf4j;
    // The JUnit 5 extension is API, but JUnit is the user's: present only where the extension is used.
    requires static transitive org.junit.jupiter.api;
    requires static org.jspecify;

    exports dev.integrations.github.sandbox;
}
