/**
 * The servlet endpoints that connect and disconnect GitHub for the signed-in user, and the
 * {@link dev.integrations.spring.boot.web.SubjectResolver} that says who that is.
 */
@NullMarked
package dev.integrations.spring.boot.web;

import org.jspecify.annotations.NullMarked;
