/** The service-loaded factory of the GitHub auth provider; not API. */
@NullMarked
package dev.integrations.internal.github.auth;

import org.jspecify.annotations.NullMarked;
