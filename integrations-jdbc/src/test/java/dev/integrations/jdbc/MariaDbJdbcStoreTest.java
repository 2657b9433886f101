package dev.integrations.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("JDBC stores on MariaDB: encryption, bad rows, schema, cross-process leases, schema upgrade")
class MariaDbJdbcStoreTest extends JdbcStoreBehaviour {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    @Override
    TestDatabase db() {
        return DB;
    }
}
