package dev.integrations.spring.boot;

import dev.integrations.AuthManager;

/**
 * Changes the {@link AuthManager.Builder} the auto-configuration uses, after the properties and
 * stores are applied and before {@code build()}: add listeners, HTTP steps, session settings, a
 * clock. Declare beans of this type; they run in {@code @Order} order.
 *
 * <pre>{@code
 * @Bean
 * AuthManagerBuilderCustomizer auditTrail(AuditLog log) {
 *     return builder -> builder.listener(event -> log.record(event.type(), event.subject()));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface AuthManagerBuilderCustomizer {
    /**
     * Changes the builder.
     *
     * @param builder the builder the {@code AuthManager} bean is built from
     */
    void customize(AuthManager.Builder builder);
}
