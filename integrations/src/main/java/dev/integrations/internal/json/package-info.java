/**
 * The SDK's Jackson configuration and the value encodings its stores and credentials share. Not API: may change in any release.
 */
@NullMarked
package dev.integrations.internal.json;

import org.jspecify.annotations.NullMarked;
