package dev.integrations.benchmarks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Spring Security's {@link JdbcOAuth2AuthorizedClientService} over a benchmark database: its
 * documented table ({@code oauth2_authorized_client}, from Spring Security's
 * {@code oauth2-client-schema.sql}, {@code bytea} for PostgreSQL's blobs), filled with the same
 * number of users as the SDK's table, each with the same GitHub token, stored as Spring stores
 * it: in clear text.
 */
final class SpringAuthorizedClients {
    private final JdbcTemplate jdbc;
    private final JdbcOAuth2AuthorizedClientService service;

    private SpringAuthorizedClients(JdbcTemplate jdbc, JdbcOAuth2AuthorizedClientService service) {
        this.jdbc = jdbc;
        this.service = service;
    }

    static SpringAuthorizedClients create(DataSource dataSource, String database, int rows) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String blob = database.equals("postgres") ? "bytea" : "blob";
        jdbc.execute("DROP TABLE IF EXISTS oauth2_authorized_client");
        jdbc.execute("CREATE TABLE oauth2_authorized_client ("
                + " client_registration_id varchar(100) NOT NULL,"
                + " principal_name varchar(200) NOT NULL,"
                + " access_token_type varchar(100) NOT NULL,"
                + " access_token_value " + blob + " NOT NULL,"
                + " access_token_issued_at timestamp NOT NULL,"
                + " access_token_expires_at timestamp NOT NULL,"
                + " access_token_scopes varchar(1000) DEFAULT NULL,"
                + " refresh_token_value " + blob + " DEFAULT NULL,"
                + " refresh_token_issued_at timestamp DEFAULT NULL,"
                + " created_at timestamp DEFAULT CURRENT_TIMESTAMP NOT NULL,"
                + " PRIMARY KEY (client_registration_id, principal_name))");
        // As Spring Boot's CommonOAuth2Provider.GITHUB registers GitHub (that class is in spring-security-config).
        ClientRegistration github = ClientRegistration.withRegistrationId("github")
                .clientId("Iv1.benchmark-client").clientSecret("benchmark-secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/{action}/oauth2/code/{registrationId}")
                .scope("read:user")
                .authorizationUri("https://github.com/login/oauth/authorize")
                .tokenUri("https://github.com/login/oauth/access_token")
                .userInfoUri("https://api.github.com/user")
                .userNameAttributeName("id")
                .clientName("GitHub")
                .build();
        JdbcOAuth2AuthorizedClientService service = new JdbcOAuth2AuthorizedClientService(jdbc,
                new InMemoryClientRegistrationRepository(github));
        // GitHub's OAuth app tokens do not expire; Spring's table requires an expiry, so a far one.
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                Fixtures.nonExpiringCredentials().accessToken(), issued, issued.plus(3650, ChronoUnit.DAYS),
                Set.of("repo", "read:user", "user:email"));
        for (int i = 0; i < rows - 1; i++) {
            save(service, github, token, "bench-user-other-" + i);
        }
        save(service, github, token, Fixtures.SUBJECT);
        return new SpringAuthorizedClients(jdbc, service);
    }

    private static void save(JdbcOAuth2AuthorizedClientService service, ClientRegistration github, OAuth2AccessToken token,
                             String principal) {
        service.saveAuthorizedClient(new OAuth2AuthorizedClient(github, principal, token),
                new TestingAuthenticationToken(principal, null));
    }

    OAuth2AuthorizedClient load(String principal) {
        OAuth2AuthorizedClient client = service.loadAuthorizedClient("github", principal);
        if (client == null) {
            throw new IllegalStateException("no authorized client for " + principal);
        }
        return client;
    }

    void drop() {
        jdbc.execute("DROP TABLE IF EXISTS oauth2_authorized_client");
    }
}
