package dev.integrations.auth;


import dev.integrations.spi.ClientContext;
import dev.integrations.auth.store.AuthorizationStateStore;
import dev.integrations.http.HttpTransport;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link AuthProvider} is built with: the {@link dev.integrations.AuthManager}'s shared transport, clock,
 * environment and authorization-state store.
 *
 * @param transport the shared HTTP transport (one {@code HttpClient} per {@code AuthManager})
 * @param clock the clock for expiry decisions
 * @param environment the environment variables to read
 * @param stateStore where pending authorizations are kept
 * @param authorizationTtl how long a pending authorization stays valid
 */
public record AuthContext(HttpTransport transport, Clock clock, Map<String, String> environment,
                          AuthorizationStateStore stateStore, Duration authorizationTtl) {
    /**
     * Checks the parts and copies the environment.
     *
     * @param transport the HTTP transport shared by every flow and session
     * @param clock the clock used for expiry decisions
     * @param environment the environment variables to read
     * @param stateStore where pending authorizations are kept
     * @param authorizationTtl how long a started authorization stays valid
     * @throws NullPointerException when a part is null
     */
    public AuthContext {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(clock, "clock");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(stateStore, "stateStore");
        Objects.requireNonNull(authorizationTtl, "authorizationTtl");
    }

    /**
     * The context API clients of the same manager are built with.
     *
     * @return the same transport, clock and environment
     */
    public ClientContext clientContext() {
        return new ClientContext(transport, clock, environment);
    }
}
