package dev.integrations.spring.boot;

import com.zaxxer.hikari.HikariDataSource;
import dev.integrations.AuthManager;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.InMemoryAuthorizationStateStore;
import dev.integrations.auth.store.InMemoryCredentialStore;
import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.jdbc.EncryptionKeys;
import dev.integrations.jdbc.JdbcAuthorizationStateStore;
import dev.integrations.jdbc.JdbcCredentialStore;
import dev.integrations.spring.boot.actuate.IntegrationsHealthIndicator;
import dev.integrations.spring.boot.web.GithubConnectController;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("IntegrationsAutoConfiguration: beans from properties, stores over the DataSource, backing off")
class IntegrationsAutoConfigurationTest {
    private static final String KEYS = EncryptionKeys.generate("k1").toEnvironmentValue();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(IntegrationsAutoConfiguration.class))
            .withBean("testEnvironment", AuthManagerBuilderCustomizer.class,
                    () -> builder -> builder.environment(Map.of("GITHUB_CLIENT_SECRET", "secret-from-environment",
                            "GITHUB_CLIENT_ID", "id-from-environment")));

    @Test
    void propertiesConfigureTheAuthManagerAndWinOverTheEnvironmentFieldByField() {
        runner.withPropertyValues("integrations.github.client-id=id-from-properties",
                        "integrations.github.redirect-uri=https://app.example/integrations/github/callback",
                        "integrations.github.default-scope=repo,read:org",
                        "integrations.github.token-url=https://ghe.example/login/oauth/access_token")
                .run(context -> {
                    GithubAppCredentials app = context.getBean(AuthManager.class).github().appCredentials();
                    assertThat(app.clientId()).isEqualTo("id-from-properties");
                    assertThat(app.clientSecret()).isEqualTo("secret-from-environment");
                    assertThat(app.redirectUri()).hasToString("https://app.example/integrations/github/callback");
                    assertThat(app.defaultScope()).containsExactly("repo", "read:org");
                    assertThat(app.tokenUrl()).hasToString("https://ghe.example/login/oauth/access_token");
                });
    }

    @Test
    void withoutADataSourceTheStoresAreInMemory() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(AuthManager.class).doesNotHaveBean(CredentialStore.class);
            assertThat(context.getBean(AuthManager.class).credentialStore()).isInstanceOf(InMemoryCredentialStore.class);
        });
    }

    @Test
    void anApplicationsOwnAuthManagerReplacesTheAutoConfiguredOne() {
        AuthManager own = AuthManager.builder().environment(Map.of()).build();
        runner.withBean(AuthManager.class, () -> own)
                .run(context -> assertThat(context).getBean(AuthManager.class).isSameAs(own));
    }

    @Test
    void anApplicationsOwnStoresAreUsedByTheAutoConfiguredManager(@TempDir Path dir) {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        runner.withBean(CredentialStore.class, () -> store)
                .withBean(InMemoryAuthorizationStateStore.class, InMemoryAuthorizationStateStore::new)
                .withBean(DataSource.class, () -> sqlite(dir))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(JdbcCredentialStore.class)
                            .doesNotHaveBean(JdbcAuthorizationStateStore.class);
                    assertThat(context.getBean(AuthManager.class).credentialStore()).isSameAs(store);
                });
    }

    @Test
    void customizersRunBeforeTheManagerIsBuilt() {
        runner.withBean("moreScopes", AuthManagerBuilderCustomizer.class,
                        () -> builder -> builder.provider("github", Map.of("client_id", "from-customizer")))
                .run(context -> assertThat(context.getBean(AuthManager.class).github().appCredentials().clientId())
                        .isEqualTo("from-customizer"));
    }

    @Test
    void withADataSourceCredentialsAreStoredEncryptedInIt(@TempDir Path dir) {
        runner.withBean(DataSource.class, () -> sqlite(dir))
                .withPropertyValues("integrations.store.encryption-keys=" + KEYS, "integrations.store.table-prefix=app_")
                .run(context -> {
                    AuthManager auth = context.getBean(AuthManager.class);
                    assertThat(auth.credentialStore()).isInstanceOf(JdbcCredentialStore.class)
                            .isSameAs(context.getBean(JdbcCredentialStore.class));
                    assertThat(context).hasSingleBean(JdbcAuthorizationStateStore.class);
                    auth.storeCredentials("github", "alice", GithubUserCredentials.builder()
                            .accessToken("gho_canary_stored_encrypted").tokenType("bearer").build());
                    assertThat(auth.loadCredentials("github", "alice").orElseThrow().accessToken())
                            .isEqualTo("gho_canary_stored_encrypted");
                    String everything = dump(context.getBean(DataSource.class));
                    assertThat(everything).contains("app_").contains("alice").doesNotContain("gho_canary_stored_encrypted");
                });
    }

    /** Every table name and every value in the database, as text. */
    private static String dump(DataSource dataSource) throws Exception {
        StringBuilder everything = new StringBuilder();
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                everything.append(table).append('\n');
                try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    while (rows.next()) {
                        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                            everything.append(rows.getString(i)).append(' ');
                        }
                    }
                }
            }
        }
        return everything.toString();
    }

    @Test
    void withADataSourceAndNoKeysStartupFailsSayingWhichPropertyToSetAndHowToMakeAKey(@TempDir Path dir) {
        runner.withBean(DataSource.class, () -> sqlite(dir)).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new EncryptionKeysFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("DataSource").contains("encrypted");
            assertThat(analysis.getAction()).contains("integrations.store.encryption-keys", "INTEGRATIONS_ENCRYPTION_KEYS",
                    "scripts/encryption-keys.sh", "integrations.store.jdbc-enabled=false");
        });
    }

    @Test
    void theFailureAnalyzerIsRegisteredWithSpringBoot() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring.factories")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("org.springframework.boot.diagnostics.FailureAnalyzer")
                    .contains(EncryptionKeysFailureAnalyzer.class.getName());
        }
    }

    @Test
    void jdbcCanBeTurnedOffToKeepTokensInMemory(@TempDir Path dir) {
        runner.withBean(DataSource.class, () -> sqlite(dir)).withPropertyValues("integrations.store.jdbc-enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(JdbcCredentialStore.class);
                    assertThat(context.getBean(AuthManager.class).credentialStore()).isInstanceOf(InMemoryCredentialStore.class);
                });
    }

    @Test
    void theEndpointsAreRegisteredInServletApplicationsOnlyAndCanBeTurnedOff() {
        WebApplicationContextRunner web = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(IntegrationsAutoConfiguration.class));
        web.run(context -> assertThat(context).hasSingleBean(GithubConnectController.class));
        web.withPropertyValues("integrations.web.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(GithubConnectController.class));
        runner.run(context -> assertThat(context).doesNotHaveBean(GithubConnectController.class));
    }

    @Test
    void theHealthIndicatorBacksOffForTheApplicationsOwn() {
        runner.run(context -> assertThat(context).hasSingleBean(IntegrationsHealthIndicator.class));
        runner.withUserConfiguration(OwnHealth.class).run(context -> assertThat(context)
                .doesNotHaveBean(IntegrationsHealthIndicator.class).hasBean("integrationsHealthIndicator"));
        runner.withPropertyValues("management.health.integrations.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(IntegrationsHealthIndicator.class));
    }

    @Test
    void theConfigurationMetadataListsEveryPropertyForIdes() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's output").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(
                    "\"integrations.github.client-id\"", "\"integrations.github.client-secret\"",
                    "\"integrations.github.redirect-uri\"", "\"integrations.github.api-url\"",
                    "\"integrations.store.encryption-keys\"", "\"integrations.web.connect-path\"",
                    "The OAuth app's client id");
        }
    }

    @Test
    void thePropertiesNeverShowTheClientSecretTokenOrKeys() {
        runner.withPropertyValues("integrations.github.client-id=Iv1.visible",
                        "integrations.github.client-secret=canary-client-secret", "integrations.github.token=ghp_canary_token",
                        "integrations.store.encryption-keys=" + KEYS)
                .run(context -> {
                    IntegrationsProperties properties = context.getBean(IntegrationsProperties.class);
                    String shown = properties.getGithub() + " " + properties.getStore() + " "
                            + context.getBean(AuthManager.class) + " " + context.getBean(AuthManager.class).github();
                    assertThat(shown).contains("Iv1.visible").doesNotContain("canary-client-secret")
                            .doesNotContain("ghp_canary_token").doesNotContain(KEYS.substring(3, 20));
                });
    }

    static HikariDataSource sqlite(Path dir) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:sqlite:" + dir.resolve("integrations.db"));
        dataSource.setMaximumPoolSize(2);
        return dataSource;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHealth {
        @Bean
        org.springframework.boot.health.contributor.HealthIndicator integrationsHealthIndicator() {
            return () -> org.springframework.boot.health.contributor.Health.up().build();
        }
    }
}
