/**
 * The OAuth 2.0 requests, PKCE and token-response parsing behind
 * {@code dev.integrations.auth.oauth2}. Not API: may change in any release.
 */
@NullMarked
package dev.integrations.internal.oauth2;

import org.jspecify.annotations.NullMarked;
