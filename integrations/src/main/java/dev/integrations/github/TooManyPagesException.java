package dev.integrations.github;

import dev.integrations.core.IntegrationsException;

/**
 * A paginated list went on for more pages than {@link Pages#maxPages(int)} allows. Either the
 * list really is that long (read less of it with {@link Pages#maxItems(long)}, or allow more
 * pages), or the server keeps handing out new {@code next} links and would never end.
 */
public class TooManyPagesException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /** The bound on pages that was reached. */
    private final int maxPages;

    /**
     * An exception for a list that has more than {@code maxPages} pages.
     *
     * @param message what happened and what to do
     * @param maxPages the bound that was reached
     */
    public TooManyPagesException(String message, int maxPages) {
        super(message);
        this.maxPages = maxPages;
    }

    /**
     * The page bound that was reached.
     *
     * @return the maximum number of pages one walk reads
     */
    public int maxPages() {
        return maxPages;
    }
}
