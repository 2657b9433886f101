package dev.integrations.jdbc;

/** The table names of one set of stores: the shipped schema's names with the prefix replaced. */
record Tables(String prefix) {
    Tables {
        JdbcDialect.checkTablePrefix(prefix);
    }

    String credentials() {
        return prefix + "credentials";
    }

    String authorizationStates() {
        return prefix + "authorization_states";
    }

    String refreshLeases() {
        return prefix + "refresh_leases";
    }

    /** The table of earlier versions' refresh locks: still created for them, unused by this version. */
    String refreshLocks() {
        return prefix + "refresh_locks";
    }
}
