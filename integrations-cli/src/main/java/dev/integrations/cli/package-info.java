/**
 * The {@code integrations} command: {@code auth login|status|token|refresh|logout}, {@code api} and
 * {@code completion}, over an encrypted SQLite credential store in the user's config directory.
 * Only {@link dev.integrations.cli.Main} is meant to be called; the rest is the tool's machinery.
 */
@NullMarked
package dev.integrations.cli;

import org.jspecify.annotations.NullMarked;
