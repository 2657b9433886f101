package dev.integrations.internal.github.auth;

import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.github.auth.GithubAuthProvider;
import dev.integrations.auth.AuthContext;
import dev.integrations.auth.AuthProvider;
import dev.integrations.auth.AuthProviderFactory;

import java.util.Map;

/** Creates {@link GithubAuthProvider}s from snake_case maps; registered with {@link java.util.ServiceLoader}. */
public final class GithubAuthProviderFactory implements AuthProviderFactory {
    @Override
    public String name() {
        return GithubAuthProvider.NAME;
    }

    @Override
    public AuthProvider<?> create(Map<String, ?> config, AuthContext context) {
        return new GithubAuthProvider(GithubAppCredentials.fromMap(config), context);
    }
}
