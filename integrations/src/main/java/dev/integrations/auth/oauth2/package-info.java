/**
 * The OAuth 2.0 authorization-code flow with PKCE, as seen by an application: start it
 * ({@link dev.integrations.auth.oauth2.AuthorizeRequest} gives an
 * {@link dev.integrations.auth.oauth2.AuthorizationStep} with the URL to send the browser to), then
 * finish it on the callback ({@link dev.integrations.auth.oauth2.ExchangeRequest}).
 *
 * <p>{@link dev.integrations.auth.oauth2.OAuth2Flow} is the flow of one auth provider; obtain it
 * from the {@code AuthManager} rather than building one. Between the two legs the state, the PKCE
 * verifier and the redirect URI wait in an {@code AuthorizationStateStore}
 * ({@code dev.integrations.auth.store}) as a {@link dev.integrations.auth.oauth2.PendingAuthorization}.
 * The token endpoint client and response parsing are internal.
 *
 * <p>The device flow (RFC 8628) has its values here too: a
 * {@link dev.integrations.auth.oauth2.DeviceAuthorization} (the codes to show),
 * {@link dev.integrations.auth.oauth2.DeviceFlowOptions} (scopes, deadline, cancel handle, clock and
 * sleeper) and the {@link dev.integrations.auth.DeviceFlowException} that ends a flow without
 * a token; a provider's device flow runs them (GitHub: {@code auth.github().deviceFlow()}).
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.auth.oauth2;

import org.jspecify.annotations.NullMarked;
