package dev.integrations.github.client;

import dev.integrations.github.client.GithubClients;
import dev.integrations.auth.TokenSource;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import dev.integrations.http.HttpTransport;
import dev.integrations.internal.github.client.DefaultGithubClient;

/**
 * Builds {@link GithubClient}s outside an {@code Integrations} container or an {@code AuthManager}
 * session. The factories live here, not on {@link GithubClient}, because they name the internal
 * implementation: keeping them in their own package keeps {@code dev.integrations.github} free of a
 * dependency on the SDK's internals.
 */
public final class GithubClients {
    private GithubClients() {
    }

    /**
     * A client with these settings on this transport: the token comes from the settings.
     *
     * @param settings the settings
     * @param transport the shared transport
     * @return a new client
     */
    public static GithubClient create(GithubSettings settings, HttpTransport transport) {
        return DefaultGithubClient.create(settings, transport);
    }

    /**
     * A client whose token comes from {@code tokenSource} (a session's user token, refreshed and
     * retried once when GitHub answers 401), or from the settings when it is null.
     *
     * @param settings the settings
     * @param transport the shared transport
     * @param tokenSource where the current token comes from, or null for the settings' token
     * @return a new client
     */
    public static GithubClient create(GithubSettings settings, HttpTransport transport, TokenSource tokenSource) {
        return DefaultGithubClient.create(settings, transport, tokenSource);
    }
}
