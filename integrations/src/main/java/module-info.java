/**
 * integrations-java: act on GitHub on behalf of your users. OAuth, encrypted token storage, safe
 * refresh of rotating tokens and a ready API client.
 *
 * <p>Start at {@link dev.integrations.Integrations} (API clients from settings or the environment)
 * or {@link dev.integrations.AuthManager} (users, their stored credentials and per-user
 * sessions). Only the packages exported here are API; {@code dev.integrations.internal.*} is the
 * machinery behind them and may change in any release.
 */
module dev.integrations {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive java.net.http;
    requires org.slf4j;
    requires static org.jspecify;

    exports dev.integrations;
    exports dev.integrations.core;
    exports dev.integrations.spi;
    exports dev.integrations.auth;
    exports dev.integrations.auth.oauth2;
    exports dev.integrations.auth.store;
    exports dev.integrations.github;
    exports dev.integrations.github.actions;
    exports dev.integrations.github.auth;
    exports dev.integrations.github.app;
    exports dev.integrations.github.catalog;
    exports dev.integrations.github.client;
    exports dev.integrations.github.model;
    exports dev.integrations.github.webhooks;
    exports dev.integrations.http;

    // Machinery shared with the project's own modules only.
    exports dev.integrations.internal.json to dev.integrations.jdbc;

    opens dev.integrations.github.model to com.fasterxml.jackson.databind;

    uses dev.integrations.spi.ClientFactory;
    uses dev.integrations.auth.AuthProviderFactory;

    provides dev.integrations.spi.ClientFactory with dev.integrations.internal.github.client.GithubClientFactory;
    provides dev.integrations.auth.AuthProviderFactory with dev.integrations.internal.github.auth.GithubAuthProviderFactory;
}
