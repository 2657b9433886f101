/**
 * integrations-jdbc: persistent, encrypted credential and authorization-state stores over JDBC
 * (SQLite, PostgreSQL, MariaDB/MySQL) for {@code dev.integrations.AuthManager}.
 *
 * <p>Start at {@link dev.integrations.jdbc.JdbcStores}. Only {@code dev.integrations.jdbc} is API;
 * {@code dev.integrations.jdbc.internal} is the machinery behind it and may change in any release.
 */
module dev.integrations.jdbc {
    requires transitive dev.integrations;      // core types appear in the API
    requires transitive java.sql;              // DataSource appears in the API
    requires com.google.crypto.tink;
    requires org.slf4j;
    requires static com.zaxxer.hikari;         // optional, embedded SQLite only
    requires static org.xerial.sqlitejdbc;     // optional, embedded SQLite only
    requires static org.jspecify;

    exports dev.integrations.jdbc;
}
