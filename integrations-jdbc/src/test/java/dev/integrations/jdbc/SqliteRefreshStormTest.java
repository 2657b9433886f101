package dev.integrations.jdbc;

import dev.integrations.auth.RefreshStormContract;
import dev.integrations.auth.store.CredentialStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The refresh storm on SQLite: each "instance" has its own connection pool and
 * its own store object over the same tables, as separate processes would.
 */
@DisplayName("Refresh storm: SQLite store shared by several instances")
class SqliteRefreshStormTest extends RefreshStormContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.sqlite();

    @Override
    protected CredentialStore storeForInstance(int index) {
        return DB.credentials(DB.newPool(), DB.prefix()).build();
    }
}
