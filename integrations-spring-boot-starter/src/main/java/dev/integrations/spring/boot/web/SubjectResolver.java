package dev.integrations.spring.boot.web;

import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

/**
 * Says whose GitHub account a request connects or disconnects: the subject credentials are
 * stored under. The default is the signed-in principal's name (Spring Security's, or the
 * container's); declare a bean of this type to use something else, e.g. a user id, or a map
 * subject such as {@code Map.of("tenant", t, "user", u)}.
 */
@FunctionalInterface
public interface SubjectResolver {
    /**
     * The subject of a request.
     *
     * @param request the request to the connect or disconnect endpoint
     * @return a String or Map subject, or null when nobody is signed in (the endpoint answers 401)
     */
    @Nullable Object resolve(HttpServletRequest request);

    /**
     * The default: the name of {@link HttpServletRequest#getUserPrincipal()}.
     *
     * @return a resolver that answers null for anonymous requests
     */
    static SubjectResolver principalName() {
        return request -> {
            Principal principal = request.getUserPrincipal();
            return principal == null || principal.getName() == null || principal.getName().isBlank() ? null
                    : principal.getName();
        };
    }
}
