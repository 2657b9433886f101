package dev.integrations.jdbc;

import dev.integrations.auth.RefreshStormContract;
import dev.integrations.auth.store.CredentialStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The refresh storm on PostgreSQL: each "instance" has its own connection pool and
 * its own store object over the same tables, as separate processes would.
 */
@DisplayName("Refresh storm: PostgreSQL store shared by several instances")
class PostgresRefreshStormTest extends RefreshStormContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgresql();

    @Override
    protected CredentialStore storeForInstance(int index) {
        return DB.credentials(DB.newPool(), DB.prefix()).build();
    }
}
