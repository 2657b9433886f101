package dev.integrations.spi;


import dev.integrations.http.HttpTransport;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a client is built with besides its settings: the shared HTTP transport, the clock, and
 * the environment to read defaults from.
 *
 * @param transport the HTTP transport shared by every client of an {@code AuthManager}
 * @param clock the clock used for expiry decisions
 * @param environment the environment variables to read (the process's unless overridden)
 */
public record ClientContext(HttpTransport transport, Clock clock, Map<String, String> environment) {
    /**
     * Checks the parts and copies the environment.
     *
     * @param transport the HTTP transport shared by every client of an {@code AuthManager}
     * @param clock the clock used for expiry decisions
     * @param environment the environment variables to read (the process's unless overridden)
     * @throws NullPointerException when a part is null (or the environment holds a null)
     */
    public ClientContext {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(clock, "clock");
        environment = Map.copyOf(environment);
    }
}
