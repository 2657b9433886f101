/**
 * Spring Boot auto-configuration for integrations-java: an {@link dev.integrations.AuthManager}
 * bean configured from {@code integrations.github.*} properties, JDBC stores over the
 * application's {@code DataSource}, endpoints that connect and disconnect GitHub for the
 * signed-in user, an Actuator health contribution and Micrometer metrics. Every bean backs off
 * when the application defines its own.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.spring.boot;

import org.jspecify.annotations.NullMarked;
