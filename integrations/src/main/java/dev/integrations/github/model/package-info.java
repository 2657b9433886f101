/**
 * What GitHub's typed calls return: small immutable records (users, repositories, issues, pull
 * requests, files, codespaces...) holding the fields the SDK reads. Lists of them come wrapped in
 * {@link dev.integrations.github.ListResult}, which belongs to the client's paging.
 *
 * <p>These types depend on nothing else in the SDK; the client in {@code dev.integrations.github}
 * builds them from GitHub's JSON.
 *
 * <p>The records are read leniently: a field GitHub leaves out (or sends as something else) is
 * null, so their reference components are {@code @Nullable} even where {@code fromJson} requires
 * the field to be present.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.github.model;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
