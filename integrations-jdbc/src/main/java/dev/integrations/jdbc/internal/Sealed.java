package dev.integrations.jdbc.internal;

import org.jspecify.annotations.Nullable;

/**
 * An encrypted (or, for a store without keys, plain) payload and the id of the key that wrote it.
 *
 * @param keyId the key's id, stored beside the payload; null for plain text
 * @param payload the bytes stored in the {@code payload} column
 */
public record Sealed(@Nullable String keyId, byte[] payload) {
}
