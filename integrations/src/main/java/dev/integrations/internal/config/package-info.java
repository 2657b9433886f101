/**
 * Typed reading of settings maps and environments, shared by every settings class. Not API: may change in any release.
 */
@NullMarked
package dev.integrations.internal.config;

import org.jspecify.annotations.NullMarked;
