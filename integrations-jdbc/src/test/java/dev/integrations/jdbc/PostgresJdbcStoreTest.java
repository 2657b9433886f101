package dev.integrations.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("JDBC stores on PostgreSQL: encryption, bad rows, schema, cross-process locks, dropped connections")
class PostgresJdbcStoreTest extends JdbcStoreBehaviour {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgresql();

    @Override
    TestDatabase db() {
        return DB;
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("a failed statement inside the lock that the action swallows still rolls the whole refresh back")
    void swallowedFailureInsideLockRollsBack() {
        // A subject the database refuses: PostgreSQL text cannot hold NUL.
        swallowedFailureInsideLockRollsBack("nul\0subject");
    }
}
