package dev.integrations.jdbc;

import dev.integrations.auth.store.AuthorizationStateStore;
import dev.integrations.auth.store.AuthorizationStateStoreContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("JdbcAuthorizationStateStore on MariaDB meets the AuthorizationStateStore contract")
class MariaDbAuthorizationStateStoreContractTest extends AuthorizationStateStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    @Override
    protected AuthorizationStateStore createStore() {
        return DB.stateStore();
    }
}
