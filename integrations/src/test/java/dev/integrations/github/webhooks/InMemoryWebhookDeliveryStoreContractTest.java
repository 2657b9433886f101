package dev.integrations.github.webhooks;

import org.junit.jupiter.api.DisplayName;

import java.time.Duration;

@DisplayName("InMemoryWebhookDeliveryStore meets the WebhookDeliveryStore contract")
class InMemoryWebhookDeliveryStoreContractTest extends WebhookDeliveryStoreContract {
    @Override
    protected WebhookDeliveryStore createStore(Duration retention) {
        return InMemoryWebhookDeliveryStore.create(1000, retention);
    }
}
