/**
 * What GitHub's typed calls return: small immutable records (users, repositories, issues, pull
 * requests, files, codespaces...) holding the fields the SDK reads. Lists of them come wrapped in
 * {@link dev.integrations.github.ListResult}, which belongs to the client's paging.
 *
 * <p>These types depend on nothing else in the SDK; the client in {@code dev.integrations.github}
 * builds them from GitHub's JSON.
 */
package dev.integrations.github.model;
