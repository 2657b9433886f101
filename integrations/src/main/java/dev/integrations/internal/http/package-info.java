/**
 * The built-in HTTP steps (redirects, retries, conditional requests) and header parsing
 * behind {@code dev.integrations.http}. Not API: may change in any release.
 */
@NullMarked
package dev.integrations.internal.http;

import org.jspecify.annotations.NullMarked;
