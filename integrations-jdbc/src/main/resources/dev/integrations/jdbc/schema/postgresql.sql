-- Schema of the integrations-jdbc stores for PostgreSQL 11 or later.
-- Safe to run repeatedly. JdbcCredentialStore and JdbcAuthorizationStateStore run this very file
-- unless built with createSchema(false). A store built with tablePrefix("x_") uses the same
-- statements with every "integrations_" replaced by "x_". Tables go to the connection's
-- search_path (set currentSchema on the JDBC URL to use another schema).
-- Times are epoch milliseconds (UTC). payload holds AES-256-GCM ciphertext (see EncryptionKeys)
-- written under the key named by key_id; key_id is NULL only for stores that opted out of
-- encryption, whose payload is plain JSON.

-- One row per (provider, canonical subject): a user's credentials for one service.
CREATE TABLE IF NOT EXISTS integrations_credentials (
    provider    TEXT     NOT NULL,
    subject     TEXT     NOT NULL,
    version     BIGINT   NOT NULL,          -- 1 on insert, +1 on every write: the compare-and-set basis
    status      TEXT     NOT NULL,          -- ACTIVE or NEEDS_REAUTHORIZATION
    created_at  BIGINT   NOT NULL,
    updated_at  BIGINT   NOT NULL,
    expires_at  BIGINT,                     -- access-token expiry, NULL when it does not expire
    key_id      TEXT,
    payload     BYTEA    NOT NULL,          -- the credential map as JSON, encrypted
    PRIMARY KEY (provider, subject)
);
CREATE INDEX IF NOT EXISTS integrations_credentials_expires_at ON integrations_credentials (expires_at);
CREATE INDEX IF NOT EXISTS integrations_credentials_status ON integrations_credentials (status, provider);

-- Pending OAuth authorizations, single use. The state itself is never stored, only its SHA-256.
CREATE TABLE IF NOT EXISTS integrations_authorization_states (
    provider    TEXT     NOT NULL,
    state_hash  TEXT     NOT NULL,          -- lower-case hex SHA-256 of the state's UTF-8 bytes
    created_at  BIGINT   NOT NULL,
    expires_at  BIGINT   NOT NULL,
    key_id      TEXT,
    payload     BYTEA    NOT NULL,          -- verifier, redirect URI, subject, scopes as JSON, encrypted
    PRIMARY KEY (provider, state_hash)
);
CREATE INDEX IF NOT EXISTS integrations_authorization_states_expires_at ON integrations_authorization_states (expires_at);

-- Refresh leases: at most one row per (provider, subject) while a refresh is in progress, taken
-- and released with short statements (no transaction is held during the token request) and
-- deleted afterwards. An expired lease (a crashed holder) is taken over by the next refresh.
CREATE TABLE IF NOT EXISTS integrations_refresh_leases (
    provider    TEXT     NOT NULL,
    subject     TEXT     NOT NULL,
    holder      TEXT     NOT NULL,          -- the refresh attempt holding the lease
    lease_until BIGINT   NOT NULL,          -- epoch ms after which another instance may take it over
    PRIMARY KEY (provider, subject)
);

-- Refresh locks of earlier versions (one row per (provider, subject) ever refreshed, locked with
-- SELECT ... FOR UPDATE inside the refresh's transaction). No longer used: still created so that
-- instances of earlier versions keep working during a rolling upgrade; drop it afterwards.
CREATE TABLE IF NOT EXISTS integrations_refresh_locks (
    provider    TEXT     NOT NULL,
    subject     TEXT     NOT NULL,
    locked_at   BIGINT,                     -- unused on PostgreSQL (kept for the same shape everywhere)
    PRIMARY KEY (provider, subject)
);

-- Webhook deliveries already processed (JdbcWebhookDeliveryStore), by their X-GitHub-Delivery id,
-- which GitHub keeps on a redelivery. Rows older than the store's retention are purged.
CREATE TABLE IF NOT EXISTS integrations_webhook_deliveries (
    delivery_id TEXT     NOT NULL,
    received_at BIGINT   NOT NULL,          -- epoch ms the delivery was first received
    PRIMARY KEY (delivery_id)
);
CREATE INDEX IF NOT EXISTS integrations_webhook_deliveries_received_at ON integrations_webhook_deliveries (received_at);
