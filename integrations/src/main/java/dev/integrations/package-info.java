/**
 * The container of API clients and the SDK's root exceptions. Start here.
 *
 * <p>{@link dev.integrations.Integrations} builds API clients (today: the GitHub client,
 * {@code integrations.github()}) from explicit settings, the environment or plug-ins found with
 * {@link java.util.ServiceLoader}; plug-ins implement {@link dev.integrations.ClientFactory}. Every
 * failure the SDK reports is an {@link dev.integrations.IntegrationsException}; a setting or input
 * that can never work is a {@link dev.integrations.ConfigurationException}, and its message says
 * what to change.
 *
 * <p>Neighbours: {@code dev.integrations.auth} signs users in and hands out per-user sessions built
 * on the same clients; {@code dev.integrations.github} is the GitHub client itself;
 * {@code dev.integrations.http} is the transport and the HTTP error types every client shares.
 * Packages under {@code dev.integrations.internal} are not API and may change in any release.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations;

import org.jspecify.annotations.NullMarked;
