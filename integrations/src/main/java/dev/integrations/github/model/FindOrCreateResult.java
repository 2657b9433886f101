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
    public FindOrCreateResult {
        Objects.requireNonNull(value, "value");
    }

    /** An existing object. */
    public static <T> FindOrCreateResult<T> ofExisting(T value) {
        return new FindOrCreateResult<>(value, false);
    }

    /** An object this call created. */
    public static <T> FindOrCreateResult<T> ofCreated(T value) {
        return new FindOrCreateResult<>(value, true);
    }
}
