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

    String refreshLocks() {
        return prefix + "refresh_locks";
    }
}
