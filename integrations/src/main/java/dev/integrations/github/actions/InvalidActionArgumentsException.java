package dev.integrations.github.actions;

import dev.integrations.core.IntegrationsException;
import org.jspecify.annotations.Nullable;

/**
 * An action was called with arguments it cannot run with: a required parameter is missing, a
 * value is out of range or of the wrong type, or two parameters contradict each other. Thrown
 * before any request is sent, so nothing on GitHub has changed.
 */
public class InvalidActionArgumentsException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /** The action's name. */
    private final String action;
    /** The offending parameter's Java name, or null. */
    private final @Nullable String parameter;
    /** What is wrong, without the action's name. */
    private final String detail;

    /**
     * @param action the action's name, e.g. {@code createIssue}
     * @param parameter the offending parameter's Java name, or null when the problem is not one parameter's
     * @param message what is wrong and how to fix it
     */
    public InvalidActionArgumentsException(String action, @Nullable String parameter, String message) {
        super(action + ": " + message);
        this.action = action;
        this.parameter = parameter;
        this.detail = message;
    }

    /**
     * The same problem reported for {@code invoked}: a request type shared by several actions
     * (e.g. {@link CodespaceRequest}) cannot know which of them it was built for. Public so that
     * the action catalog, in its own package, can report the action that was invoked.
     *
     * @param invoked the name of the action that was invoked
     * @return this exception when it already names {@code invoked}, else a copy naming it
     */
    public InvalidActionArgumentsException forAction(String invoked) {
        if (invoked.equals(action)) {
            return this;
        }
        InvalidActionArgumentsException renamed = new InvalidActionArgumentsException(invoked, parameter, detail);
        renamed.setStackTrace(getStackTrace());
        return renamed;
    }

    /**
     * The action's name, e.g. {@code createIssue}.
     *
     * @return the action name
     */
    public String action() {
        return action;
    }

    /**
     * The offending parameter's Java name (e.g. {@code issueNumber}), or null.
     *
     * @return the parameter name, or null when the problem is not one parameter's
     */
    public @Nullable String parameter() {
        return parameter;
    }
}
