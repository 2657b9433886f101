package dev.integrations.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Webhook redeliveries are duplicates with JdbcWebhookDeliveryStore on MariaDB")
class MariaDbWebhookRedeliveryTest extends JdbcWebhookRedeliveryBehaviour {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    @Override
    TestDatabase db() {
        return DB;
    }
}
