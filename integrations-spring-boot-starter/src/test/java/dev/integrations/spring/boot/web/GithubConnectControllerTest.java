package dev.integrations.spring.boot.web;

import dev.integrations.AuthManager;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.spring.boot.AuthManagerBuilderCustomizer;
import dev.integrations.spring.boot.IntegrationsAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@ExtendWith(GithubSandboxExtension.class)
@DisplayName("The connect, callback and disconnect endpoints")
class GithubConnectControllerTest {
    private static final String CLIENT_ID = "Iv1.starter-endpoints";
    private static final String CLIENT_SECRET = "starter-endpoints-secret-canary";

    private GithubSandbox sandbox;
    private WebApplicationContextRunner runner;

    @BeforeEach
    void setUp(GithubSandbox sandbox) {
        this.sandbox = sandbox;
        // MockMvc requests come to http://localhost, so that is the callback the derived redirect URI names.
        sandbox.registerApp(CLIENT_ID, CLIENT_SECRET, "http://localhost/integrations/github/callback");
        this.runner = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(IntegrationsAutoConfiguration.class))
                .withUserConfiguration(Mvc.class)
                .withBean("sandboxEnvironment", AuthManagerBuilderCustomizer.class,
                        () -> builder -> builder.environment(Map.of()).clock(sandbox.clock()))
                .withPropertyValues("integrations.github.client-id=" + CLIENT_ID,
                        "integrations.github.client-secret=" + CLIENT_SECRET,
                        "integrations.github.authorization-url=" + sandbox.authorizationUrl(),
                        "integrations.github.token-url=" + sandbox.tokenUrl(),
                        "integrations.github.api-url=" + sandbox.apiUrl());
    }

    @Test
    void connectWithoutASignedInUserIsUnauthorized() {
        runner.run(context -> {
            MockHttpServletResponse response = mvc(context).perform(get("/integrations/github/connect")).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(sandbox.requests()).isEmpty();
        });
    }

    @Test
    void connectRedirectsToGithubWithStatePkceAndTheDerivedCallback() {
        runner.run(context -> {
            MockHttpServletResponse response = mvc(context).perform(get("/integrations/github/connect").principal(() -> "alice"))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(302);
            Map<String, String> query = UriComponentsBuilder.fromUriString(response.getHeader("Location")).build()
                    .getQueryParams().toSingleValueMap();
            assertThat(response.getHeader("Location")).startsWith(sandbox.authorizationUrl().toString());
            assertThat(query).containsEntry("client_id", CLIENT_ID).containsEntry("code_challenge_method", "S256")
                    .containsKeys("state", "code_challenge");
            assertThat(java.net.URLDecoder.decode(query.get("redirect_uri"), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("http://localhost/integrations/github/callback");
        });
    }

    @Test
    void theCallbackStoresTheCredentialsForTheUserWhoConnectedAndDisconnectDeletesThem() {
        runner.withPropertyValues("integrations.web.success-url=/settings", "integrations.web.disconnected-url=/bye")
                .run(context -> {
                    MockMvc mvc = mvc(context);
                    String location = mvc.perform(get("/integrations/github/connect").principal(() -> "alice"))
                            .andReturn().getResponse().getHeader("Location");
                    URI callback = SandboxBrowser.approve(URI.create(location));

                    // No principal and no cookie on the callback: the subject comes from the pending authorization.
                    MockHttpServletResponse done = mvc.perform(get(callback.getPath() + "?" + callback.getRawQuery()))
                            .andReturn().getResponse();

                    assertThat(done.getStatus()).isEqualTo(302);
                    assertThat(done.getHeader("Location")).isEqualTo("/settings");
                    AuthManager auth = context.getBean(AuthManager.class);
                    assertThat(auth.loadCredentials("github", "alice", GithubUserCredentials.class)).isPresent();

                    MockHttpServletResponse bye = mvc.perform(post("/integrations/github/disconnect").principal(() -> "alice"))
                            .andReturn().getResponse();
                    assertThat(bye.getStatus()).isEqualTo(303);
                    assertThat(bye.getHeader("Location")).isEqualTo("/bye");
                    assertThat(auth.loadCredentials("github", "alice")).isEmpty();
                });
    }

    @Test
    void anApplicationsSubjectResolverDecidesWhoseAccountIsConnected() {
        runner.withBean(SubjectResolver.class, () -> request -> Map.of("tenant", "acme", "user", request.getUserPrincipal().getName()))
                .run(context -> {
                    MockMvc mvc = mvc(context);
                    String location = mvc.perform(get("/integrations/github/connect").principal(() -> "bob"))
                            .andReturn().getResponse().getHeader("Location");
                    URI callback = SandboxBrowser.approve(URI.create(location));
                    mvc.perform(get(callback.getPath() + "?" + callback.getRawQuery())).andReturn();

                    AuthManager auth = context.getBean(AuthManager.class);
                    assertThat(auth.loadCredentials("github", Map.of("tenant", "acme", "user", "bob"))).isPresent();
                    assertThat(auth.loadCredentials("github", "bob")).isEmpty();
                });
    }

    @Test
    void aForgedCallbackIsRefusedWithA400OrSentToTheFailureUrl() {
        String forged = "/integrations/github/callback?code=0123456789abcdef&state=forged";
        runner.run(context -> {
            MockHttpServletResponse response = mvc(context).perform(get(forged)).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getContentAsString()).contains("Start the authorization again");
            assertThat(response.getContentAsString()).doesNotContain(CLIENT_SECRET);
        });
        runner.withPropertyValues("integrations.web.failure-url=/connect-failed").run(context -> {
            MockHttpServletResponse response = mvc(context).perform(get(forged)).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(response.getHeader("Location")).isEqualTo("/connect-failed?error=invalid_state");
        });
        assertThat(sandbox.requests("/login/oauth/access_token")).isEmpty();
    }

    @Test
    void aDeniedAuthorizationIsReportedWithGithubsErrorCode() {
        runner.withPropertyValues("integrations.web.failure-url=/connect-failed").run(context -> {
            MockMvc mvc = mvc(context);
            String location = mvc.perform(get("/integrations/github/connect").principal(() -> "alice"))
                    .andReturn().getResponse().getHeader("Location");
            URI callback = SandboxBrowser.deny(URI.create(location));
            MockHttpServletResponse response = mvc.perform(get(callback.getPath() + "?" + callback.getRawQuery()))
                    .andReturn().getResponse();
            assertThat(response.getHeader("Location")).isEqualTo("/connect-failed?error=access_denied");
            assertThat(context.getBean(AuthManager.class).loadCredentials("github", "alice")).isEmpty();
        });
    }

    @Test
    void thePathsAreConfigurable() {
        runner.withPropertyValues("integrations.web.connect-path=/github/link").run(context -> {
            assertThat(mvc(context).perform(get("/github/link").principal(() -> "alice")).andReturn().getResponse()
                    .getStatus()).isEqualTo(302);
            assertThat(mvc(context).perform(get("/integrations/github/connect").principal(() -> "alice")).andReturn()
                    .getResponse().getStatus()).isEqualTo(404);
        });
    }

    private static MockMvc mvc(org.springframework.web.context.WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    static class Mvc {
    }
}
