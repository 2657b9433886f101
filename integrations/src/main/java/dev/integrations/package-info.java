/**
 * The SDK's entry points, and the top of its package layering: nothing else in the SDK depends on
 * this package. Start here.
 *
 * <p>{@link dev.integrations.Integrations} builds API clients (today: the GitHub client,
 * {@code integrations.github()}) from explicit settings, the environment or plug-ins found with
 * {@link java.util.ServiceLoader}; {@link dev.integrations.AuthManager} signs users in, stores their
 * credentials and hands out per-user sessions built on the same clients.
 *
 * <p>Package map, bottom up: {@code dev.integrations.core} holds the root exceptions
 * ({@link dev.integrations.core.IntegrationsException}, {@link dev.integrations.core.ConfigurationException})
 * and client handles; {@code dev.integrations.http} is the transport and the HTTP error types every
 * client shares; {@code dev.integrations.spi} is the plug-in interface for new clients;
 * {@code dev.integrations.auth} holds the auth model (providers, subjects, credentials, stores);
 * {@code dev.integrations.github} is the GitHub client itself. Packages under
 * {@code dev.integrations.internal} are not API and may change in any release.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations;

import org.jspecify.annotations.NullMarked;
