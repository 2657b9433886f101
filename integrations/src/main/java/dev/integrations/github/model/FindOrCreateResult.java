package dev.integrations.github.model;

import java.util.Objects;

/**
 * What a find-or-create action returns: the object, and whether this call created it.
 *
 * @param value the object found or created
 * @param created true when it did not exist and this call created it
 * @param <T> the object type
 */
public record FindOrCreateResult<T>(T value, boolean created) {
    /**
     * Checks that the object is given.
     *
     * @param value the object found or created
     * @param created true when it did not exist and this call created it
     */
    public FindOrCreateResult {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A result for an object that already existed.
     *
     * @param value the object found
     * @param <T> the object type
     * @return the result, with {@link #created()} false
     */
    public static <T> FindOrCreateResult<T> ofExisting(T value) {
        return new FindOrCreateResult<>(value, false);
    }

    /**
     * A result for an object this call created.
     *
     * @param value the object created
     * @param <T> the object type
     * @return the result, with {@link #created()} true
     */
    public static <T> FindOrCreateResult<T> ofCreated(T value) {
        return new FindOrCreateResult<>(value, true);
    }
}
