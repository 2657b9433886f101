/**
 * What GitHub's typed calls return: small immutable records (users, repositories, issues, pull
 * requests, files, codespaces...) holding the fields the SDK reads, plus
 * {@link dev.integrations.github.model.ListResult} for lists that may have been cut short.
 *
 * <p>These types depend on nothing else in the SDK; the client in {@code dev.integrations.github}
 * builds them from GitHub's JSON.
 */
package dev.integrations.github.model;
