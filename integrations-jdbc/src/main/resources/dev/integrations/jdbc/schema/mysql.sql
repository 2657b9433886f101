-- Schema of the integrations-jdbc stores for MySQL 8.0 or later (InnoDB); not exercised by this project's CI, which runs MariaDB.
-- Safe to run repeatedly. JdbcCredentialStore and JdbcAuthorizationStateStore run this very file
-- unless built with createSchema(false). A store built with tablePrefix("x_") uses the same
-- statements with every "integrations_" replaced by "x_".
-- Keys use utf8mb4_0900_bin: exact, case- and trailing-space-sensitive comparison, as subjects
-- must compare ("user" and "user " are different subjects). Provider names are at most 64
-- characters and subjects at most 700 (the InnoDB key limit); longer values are refused.
-- Times are epoch milliseconds (UTC). payload holds AES-256-GCM ciphertext (see EncryptionKeys)
-- written under the key named by key_id; key_id is NULL only for stores that opted out of
-- encryption, whose payload is plain JSON.

-- One row per (provider, canonical subject): a user's credentials for one service.
CREATE TABLE IF NOT EXISTS integrations_credentials (
    provider    VARCHAR(64)  NOT NULL,
    subject     VARCHAR(700) NOT NULL,
    version     BIGINT       NOT NULL,      -- 1 on insert, +1 on every write: the compare-and-set basis
    status      VARCHAR(32)  NOT NULL,      -- ACTIVE or NEEDS_REAUTHORIZATION
    created_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    expires_at  BIGINT       NULL,          -- access-token expiry, NULL when it does not expire
    key_id      VARCHAR(64)  NULL,
    payload     LONGBLOB     NOT NULL,      -- the credential map as JSON, encrypted
    PRIMARY KEY (provider, subject),
    INDEX integrations_credentials_expires_at (expires_at),
    INDEX integrations_credentials_status (status, provider)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;

-- Pending OAuth authorizations, single use. The state itself is never stored, only its SHA-256.
CREATE TABLE IF NOT EXISTS integrations_authorization_states (
    provider    VARCHAR(64)  NOT NULL,
    state_hash  CHAR(64)     NOT NULL,      -- lower-case hex SHA-256 of the state's UTF-8 bytes
    created_at  BIGINT       NOT NULL,
    expires_at  BIGINT       NOT NULL,
    key_id      VARCHAR(64)  NULL,
    payload     LONGBLOB     NOT NULL,      -- verifier, redirect URI, subject, scopes as JSON, encrypted
    PRIMARY KEY (provider, state_hash),
    INDEX integrations_authorization_states_expires_at (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;

-- Refresh leases: at most one row per (provider, subject) while a refresh is in progress, taken
-- and released with short statements (no transaction is held during the token request) and
-- deleted afterwards. An expired lease (a crashed holder) is taken over by the next refresh.
CREATE TABLE IF NOT EXISTS integrations_refresh_leases (
    provider    VARCHAR(64)  NOT NULL,
    subject     VARCHAR(700) NOT NULL,
    holder      VARCHAR(100) NOT NULL,      -- the refresh attempt holding the lease
    lease_until BIGINT       NOT NULL,      -- epoch ms after which another instance may take it over
    PRIMARY KEY (provider, subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;

-- Refresh locks of earlier versions (one row per (provider, subject) ever refreshed, locked with
-- SELECT ... FOR UPDATE inside the refresh's transaction). No longer used: still created so that
-- instances of earlier versions keep working during a rolling upgrade; drop it afterwards.
CREATE TABLE IF NOT EXISTS integrations_refresh_locks (
    provider    VARCHAR(64)  NOT NULL,
    subject     VARCHAR(700) NOT NULL,
    locked_at   BIGINT       NULL,          -- unused on MariaDB (kept for the same shape everywhere)
    PRIMARY KEY (provider, subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;

-- Webhook deliveries already processed (JdbcWebhookDeliveryStore), by their X-GitHub-Delivery id,
-- which GitHub keeps on a redelivery. Rows older than the store's retention are purged.
CREATE TABLE IF NOT EXISTS integrations_webhook_deliveries (
    delivery_id VARCHAR(128) NOT NULL,
    received_at BIGINT       NOT NULL,      -- epoch ms the delivery was first received
    PRIMARY KEY (delivery_id),
    INDEX integrations_webhook_deliveries_received_at (received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;
