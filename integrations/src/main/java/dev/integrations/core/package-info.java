/**
 * The bottom of the SDK's package layering: the types every other package builds on, depending on
 * no other SDK package.
 *
 * <p>Every failure the SDK reports is an {@link dev.integrations.core.IntegrationsException}; a
 * setting or input that can never work is a {@link dev.integrations.core.ConfigurationException},
 * and its message says what to change. {@link dev.integrations.core.ApiClient} is what every API
 * client implements and {@link dev.integrations.core.ClientKey} the typed handle used to look one
 * up in {@link dev.integrations.Integrations}.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.core;

import org.jspecify.annotations.NullMarked;
