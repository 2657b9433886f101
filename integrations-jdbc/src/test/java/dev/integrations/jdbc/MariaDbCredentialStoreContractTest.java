package dev.integrations.jdbc;

import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.CredentialStoreContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("JdbcCredentialStore on MariaDB meets the CredentialStore contract")
class MariaDbCredentialStoreContractTest extends CredentialStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    @Override
    protected CredentialStore createStore() {
        return DB.credentialStore();
    }

    @Override
    protected int leaseCount(String provider) {
        return DB.leaseCount(provider);
    }
}
