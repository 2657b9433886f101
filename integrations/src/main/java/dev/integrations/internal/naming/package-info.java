/**
 * Parameter naming shared by the request records and the action catalog. Not API: may change in
 * any release.
 */
@NullMarked
package dev.integrations.internal.naming;

import org.jspecify.annotations.NullMarked;
