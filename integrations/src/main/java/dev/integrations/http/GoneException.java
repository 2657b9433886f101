package dev.integrations.http;

/**
 * 410 Gone: the resource existed but is gone for good, for example a deleted issue, or issues
 * turned off for the repository. Do not retry; stop using the resource.
 */
public class GoneException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for one error response.
     *
     * @param message what failed and what to do
     * @param details what the response said
     */
    public GoneException(String message, ErrorDetails details) {
        super(message, details);
    }
}
