package dev.integrations.github.sandbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user's profile status, as set through the GraphQL mutation {@code changeUserStatus}
 * ({@code POST /graphql}); read it with {@link GithubSandbox#profileStatus(SandboxUser)}.
 *
 * @param message             the status text, or {@code null}
 * @param emoji               the emoji, e.g. {@code :palm_tree:}, or {@code null}
 * @param expiresAt           when the status clears itself, or {@code null}
 * @param limitedAvailability whether the user is marked busy
 * @param organizationId      the node id of the organization the status is visible to, or {@code null} for everyone
 * @param createdAt           when this status was set
 */
public record SandboxProfileStatus(@Nullable String message, @Nullable String emoji, @Nullable Instant expiresAt,
                                   boolean limitedAvailability, @Nullable String organizationId, Instant createdAt) {
}
