/**
 * Machinery behind {@code dev.integrations.github.app}: the app's JWT, the installation token
 * cache (single flight per token request, renewed ahead of expiry) and the app client.
 */
@NullMarked
package dev.integrations.internal.github.app;

import org.jspecify.annotations.NullMarked;
