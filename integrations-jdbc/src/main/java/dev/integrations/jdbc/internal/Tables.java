package dev.integrations.jdbc.internal;

import java.util.regex.Pattern;

/**
 * The table names of one set of stores: the shipped schema's names with the prefix replaced.
 *
 * @param prefix the table prefix, checked by {@link #checkPrefix(String)}
 */
public record Tables(String prefix) {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,29}");

    /**
     * Checks the prefix.
     *
     * @param prefix the table prefix
     * @throws IllegalArgumentException when the prefix is invalid
     */
    public Tables {
        checkPrefix(prefix);
    }

    /**
     * Checks a table prefix: 1 to 30 letters, digits or '_', not starting with a digit, so that it
     * can be pasted into SQL as it is.
     *
     * @param prefix the prefix to check
     * @return {@code prefix}
     * @throws IllegalArgumentException when it is null or invalid, with a message that says what is allowed
     */
    public static String checkPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Table prefix '" + prefix + "' is invalid: use 1 to 30 characters of letters,"
                    + " digits and '_', not starting with a digit (e.g. \"myapp_\")");
        }
        return prefix;
    }

    /**
     * The credentials table.
     *
     * @return its name, prefix included
     */
    public String credentials() {
        return prefix + "credentials";
    }

    /**
     * The authorization-states table.
     *
     * @return its name, prefix included
     */
    public String authorizationStates() {
        return prefix + "authorization_states";
    }

    /**
     * The refresh-leases table.
     *
     * @return its name, prefix included
     */
    public String refreshLeases() {
        return prefix + "refresh_leases";
    }

    /**
     * The processed-webhook-deliveries table.
     *
     * @return its name, prefix included
     */
    public String webhookDeliveries() {
        return prefix + "webhook_deliveries";
    }

    /**
     * The table of earlier versions' refresh locks: still created for them, unused by this version.
     *
     * @return its name, prefix included
     */
    public String refreshLocks() {
        return prefix + "refresh_locks";
    }
}
