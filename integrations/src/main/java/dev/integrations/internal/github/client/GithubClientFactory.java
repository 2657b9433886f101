package dev.integrations.internal.github.client;

import dev.integrations.spi.ClientContext;
import dev.integrations.spi.ClientFactory;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;

import java.util.Map;

/** Builds {@link GithubClient}s from settings maps; registered with {@link java.util.ServiceLoader}. */
public final class GithubClientFactory implements ClientFactory {
    @Override
    public String name() {
        return GithubClient.KEY.name();
    }

    @Override
    public GithubClient create(Map<String, ?> settings, ClientContext context) {
        return DefaultGithubClient.create(GithubSettings.fromMap(settings, context.environment()), context.transport());
    }
}
