package dev.integrations.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Refresh under faults (stalled endpoint, killed connection, endpoint down, lease cleanup): Sqlite")
class SqliteRefreshFaultsTest extends RefreshFaultsBehaviour {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.sqlite();

    @Override
    TestDatabase db() {
        return DB;
    }
}
