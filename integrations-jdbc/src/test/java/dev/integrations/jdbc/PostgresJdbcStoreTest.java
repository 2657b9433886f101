package dev.integrations.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("JDBC stores on PostgreSQL: encryption, bad rows, schema, cross-process leases, schema upgrade")
class PostgresJdbcStoreTest extends JdbcStoreBehaviour {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgresql();

    @Override
    TestDatabase db() {
        return DB;
    }
}
