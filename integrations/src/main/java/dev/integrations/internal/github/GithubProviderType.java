package dev.integrations.internal.github;

import dev.integrations.github.GithubProvider;
import dev.integrations.github.GithubSettings;
import dev.integrations.ProviderContext;
import dev.integrations.ProviderKey;
import dev.integrations.ProviderType;

import java.util.Map;

/** Builds {@link GithubProvider}s from settings maps; registered with {@link java.util.ServiceLoader}. */
public final class GithubProviderType implements ProviderType<GithubProvider> {
    @Override
    public ProviderKey<GithubProvider> key() {
        return GithubProvider.KEY;
    }

    @Override
    public GithubProvider create(Map<String, ?> settings, ProviderContext context) {
        return GithubProvider.create(GithubSettings.fromMap(settings, context.environment()), context.transport());
    }
}
