package dev.integrations.auth.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryAuthorizationStateStore meets the AuthorizationStateStore contract")
class InMemoryAuthorizationStateStoreContractTest extends AuthorizationStateStoreContract {
    @Override
    protected AuthorizationStateStore createStore() {
        return new InMemoryAuthorizationStateStore();
    }
}
