/** Paging over GitHub's {@code Link} headers behind {@code dev.integrations.github.Pages}; not API. */
@NullMarked
package dev.integrations.internal.github.paging;

import org.jspecify.annotations.NullMarked;
