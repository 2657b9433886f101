/** GitHub machinery behind {@code dev.integrations.github}: request steps (headers, rate limits, refresh on 401), GraphQL and error mapping; not API. */
@NullMarked
package dev.integrations.internal.github;

import org.jspecify.annotations.NullMarked;
