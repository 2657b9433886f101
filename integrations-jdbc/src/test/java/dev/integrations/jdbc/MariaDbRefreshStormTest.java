package dev.integrations.jdbc;

import dev.integrations.auth.RefreshStormContract;
import dev.integrations.auth.store.CredentialStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The refresh storm on MariaDB: each "instance" has its own connection pool and
 * its own store object over the same tables, as separate processes would.
 */
@DisplayName("Refresh storm: MariaDB store shared by several instances")
class MariaDbRefreshStormTest extends RefreshStormContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    @Override
    protected CredentialStore storeForInstance(int index) {
        return DB.credentials(DB.newPool(), DB.prefix()).build();
    }
}
