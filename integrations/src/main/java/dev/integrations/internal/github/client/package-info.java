/** The default GitHub client and its service-loaded factory; not API. */
@NullMarked
package dev.integrations.internal.github.client;

import org.jspecify.annotations.NullMarked;
