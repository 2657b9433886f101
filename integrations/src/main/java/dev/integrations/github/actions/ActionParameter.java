package dev.integrations.github.actions;

import dev.integrations.github.catalog.GithubAction;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one parameter of an action's request record, for the action's JSON Schema (see
 * {@link GithubAction#parameters()}). The request records are generated, with these values, from
 * the same declaration as their constructors' checks, so schema and checks cannot drift apart.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ActionParameter {
    /**
     * What the parameter means, for people and for agents reading the schema.
     *
     * @return the description
     */
    String value();

    /**
     * Whether the action refuses to run without it.
     *
     * @return true when the parameter is required
     */
    boolean required() default false;

    /**
     * The JSON name; by default the Java name in snake_case ({@code issueNumber} becomes {@code issue_number}).
     *
     * @return the JSON name, or empty for the snake_case form of the Java name
     */
    String name() default "";

    /**
     * The smallest allowed value of a number.
     *
     * @return the minimum; {@link Long#MIN_VALUE} for none
     */
    long minimum() default Long.MIN_VALUE;

    /**
     * The largest allowed value of a number.
     *
     * @return the maximum; {@link Long#MAX_VALUE} for none
     */
    long maximum() default Long.MAX_VALUE;
}
