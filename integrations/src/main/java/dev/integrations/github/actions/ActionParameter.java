package dev.integrations.github.actions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one parameter of an action's request record, so the action's JSON Schema (see
 * {@link GithubAction#parameters()}) is written next to the field it describes and cannot drift
 * from it. The record's constructor enforces the same rules; a test checks the two agree.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ActionParameter {
    /** What the parameter means, for people and for agents reading the schema. */
    String value();

    /** Whether the action refuses to run without it. */
    boolean required() default false;

    /** The JSON name; by default the Java name in snake_case ({@code issueNumber} becomes {@code issue_number}). */
    String name() default "";

    /** The smallest allowed value of a number. */
    long minimum() default Long.MIN_VALUE;

    /** The largest allowed value of a number. */
    long maximum() default Long.MAX_VALUE;
}
