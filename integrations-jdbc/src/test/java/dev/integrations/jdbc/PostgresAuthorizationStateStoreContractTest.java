package dev.integrations.jdbc;

import dev.integrations.auth.store.AuthorizationStateStore;
import dev.integrations.auth.store.AuthorizationStateStoreContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("JdbcAuthorizationStateStore on PostgreSQL meets the AuthorizationStateStore contract")
class PostgresAuthorizationStateStoreContractTest extends AuthorizationStateStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgresql();

    @Override
    protected AuthorizationStateStore createStore() {
        return DB.stateStore();
    }
}
