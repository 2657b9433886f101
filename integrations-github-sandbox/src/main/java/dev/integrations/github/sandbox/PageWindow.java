package dev.integrations.github.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * GitHub's page-number pagination (https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api): {@code per_page} (default 30, at most 100;
 * larger values are clamped, unreadable ones ignored) and {@code page} (from 1), and the
 * {@code Link} header that points at the other pages.
 *
 * @param page    the requested page, 1 or more
 * @param perPage the page size, 1-100
 */
record PageWindow(int page, int perPage) {

    static final int DEFAULT_PER_PAGE = 30;
    static final int MAX_PER_PAGE = 100;

    /** The window a request's query asks for. */
    static PageWindow of(Map<String, String> query) {
        int perPage = number(query.get("per_page"), DEFAULT_PER_PAGE);
        perPage = perPage < 1 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
        int page = Math.max(1, number(query.get("page"), 1));
        return new PageWindow(page, perPage);
    }

    /** The items of this page. */
    <T> List<T> slice(List<T> all) {
        long from = (long) (page - 1) * perPage;
        if (from >= all.size()) {
            return List.of();
        }
        return new ArrayList<>(all.subList((int) from, (int) Math.min(all.size(), from + perPage)));
    }

    /**
     * The {@code Link} header for a list of {@code total} items, or {@code null} when everything
     * fits on one page. Relations come in GitHub's order ({@code prev}, {@code next}, {@code last},
     * {@code first}); each URL is the request's own URL with only {@code page} changed, so every
     * other parameter (including {@code per_page}) carries over.
     *
     * @param url      the request's URL without query, e.g. {@code http://127.0.0.1:1234/user/repos}
     * @param rawQuery the request's raw query, without {@code ?}
     */
    @Nullable String linkHeader(String url, String rawQuery, int total) {
        int last = Math.max(1, (total + perPage - 1) / perPage);
        if (last == 1 && page == 1) {
            return null;
        }
        List<String> links = new ArrayList<>();
        if (page > 1) {
            links.add(link(url, rawQuery, page - 1, "prev"));
        }
        if (page < last) {
            links.add(link(url, rawQuery, page + 1, "next"));
            links.add(link(url, rawQuery, last, "last"));
        }
        if (page > 1) {
            links.add(link(url, rawQuery, 1, "first"));
        }
        return String.join(", ", links);
    }

    private static String link(String url, String rawQuery, int page, String rel) {
        StringBuilder query = new StringBuilder();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty() || pair.equals("page") || pair.startsWith("page=")) {
                    continue;
                }
                query.append(query.length() == 0 ? "" : "&").append(pair);
            }
        }
        query.append(query.length() == 0 ? "" : "&").append("page=").append(page);
        return "<" + url + "?" + query + ">; rel=\"" + rel + "\"";
    }

    private static int number(@Nullable String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
