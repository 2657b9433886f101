package dev.integrations.jdbc;

import dev.integrations.github.webhooks.WebhookDeliveryStore;
import dev.integrations.github.webhooks.WebhookDeliveryStoreContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

@DisplayName("JdbcWebhookDeliveryStore on MariaDB meets the WebhookDeliveryStore contract")
class MariaDbWebhookDeliveryStoreContractTest extends WebhookDeliveryStoreContract {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    @Override
    protected WebhookDeliveryStore createStore(Duration retention) {
        return JdbcWebhookDeliveryStore.builder(DB.dataSource()).tablePrefix(DB.prefix()).retention(retention).build();
    }
}
