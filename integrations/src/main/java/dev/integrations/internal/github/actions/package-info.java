/** Implementations of the GitHub actions (one class per resource) and their URL building; not API. */
@NullMarked
package dev.integrations.internal.github.actions;

import org.jspecify.annotations.NullMarked;
