package dev.integrations.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("JDBC stores on MariaDB: encryption, bad rows, schema, cross-process locks, dropped connections")
class MariaDbJdbcStoreTest extends JdbcStoreBehaviour {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    @Override
    TestDatabase db() {
        return DB;
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("a failed statement inside the lock that the action swallows still rolls the whole refresh back")
    void swallowedFailureInsideLockRollsBack() {
        // A subject the database refuses: MariaDB keys hold 700 characters.
        swallowedFailureInsideLockRollsBack("x".repeat(701));
    }
}
