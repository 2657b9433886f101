package dev.integrations.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("JDBC stores on SQLite: encryption, bad rows, schema, cross-process leases, schema upgrade")
class SqliteJdbcStoreTest extends JdbcStoreBehaviour {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.sqlite();

    @Override
    TestDatabase db() {
        return DB;
    }
}
