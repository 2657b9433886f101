package dev.integrations.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What differs between the databases the JDBC stores support, as behaviour: each constant of
 * {@code JdbcDialect} carries one of these, and the stores ask it rather than testing which
 * database they are on. Two families: {@code INSERT ... ON CONFLICT} and {@code DELETE ... RETURNING}
 * (SQLite, PostgreSQL) and {@code ON DUPLICATE KEY} with locking reads (MariaDB, MySQL).
 */
public abstract class SqlDialect {
    /** Binds the parameters of a prepared statement. */
    @FunctionalInterface
    public interface Binder {
        /**
         * Binds the parameters.
         *
         * @param statement the statement
         * @throws SQLException when binding fails
         */
        void bind(PreparedStatement statement) throws SQLException;
    }

    SqlDialect() {
    }

    /**
     * SQLite 3.35 or later.
     *
     * @return its behaviour
     */
    public static SqlDialect sqlite() {
        return new SqliteSql();
    }

    /**
     * PostgreSQL 11 or later.
     *
     * @return its behaviour
     */
    public static SqlDialect postgresql() {
        return new PostgresSql();
    }

    /**
     * MariaDB 10.3 or later, and MySQL 8.0 or later, with InnoDB.
     *
     * @return its behaviour
     */
    public static SqlDialect mariadb() {
        return new MariaDbSql();
    }

    /**
     * Whether an insert refused because the key exists failed with this exception.
     *
     * @param e the failure
     * @return true for a duplicate key
     */
    public abstract boolean isDuplicateKey(SQLException e);

    /**
     * Whether a statement gave up because another transaction holds the row or the database:
     * a lock wait timeout, a deadlock, a busy SQLite file.
     *
     * @param e the failure
     * @return true when someone else is writing the same data right now
     */
    public abstract boolean isBusy(SQLException e);

    /**
     * {@code ORDER BY} for provider then subject in the order of Java's {@code String.compareTo}.
     *
     * @return the clause, with a leading space
     */
    public String orderByKey() {
        return " ORDER BY provider, subject";
    }

    /**
     * The clause that turns the credentials {@code INSERT} into an upsert: a new version of an
     * existing row, status active, created time kept.
     *
     * @param table the credentials table
     * @return the clause, with a leading space
     */
    public abstract String credentialUpsertClause(String table);

    /**
     * Runs {@code insert} unless a row with the same key exists.
     *
     * @param c the connection
     * @param insert an {@code INSERT INTO <table> (<columns>) VALUES (...)} of one row
     * @param key the columns of the table's primary key
     * @param binder binds the insert's parameters
     * @return true when the row was inserted, false when one with that key exists
     * @throws SQLException when the database fails
     */
    public boolean insertIfAbsent(Connection c, String insert, String key, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert + " ON CONFLICT (" + key + ") DO NOTHING")) {
            binder.bind(ps);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Deletes the row {@code where} selects and returns its {@code key_id} and {@code payload}, such
     * that of two concurrent callers exactly one gets it.
     *
     * @param c the connection
     * @param table the table
     * @param where the condition, with a leading space, selecting at most one row
     * @param binder binds the condition's parameters
     * @return the deleted row's payload, or null when there was none
     * @throws SQLException when the database fails
     */
    public @Nullable Sealed deleteReturningPayload(Connection c, String table, String where, Binder binder)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + where + " RETURNING key_id, payload")) {
            binder.bind(ps);
            return readSealed(ps);
        }
    }

    /** Whether DDL is transactional here, so that the schema's tables appear together or not at all. */
    boolean hasTransactionalDdl() {
        return true;
    }

    /** Serialises concurrent schema creation across processes where the database needs it. */
    void lockSchema(Statement s) throws SQLException {
    }

    /** Whether the failure says a table does not exist, where the SQLState does not. */
    boolean isMissingTable(SQLException e) {
        return false;
    }

    static @Nullable Sealed readSealed(PreparedStatement ps) throws SQLException {
        Sealed found = null;
        try (ResultSet rs = ps.executeQuery()) {
            // Read to the end: SQLite finishes a DELETE ... RETURNING only when its rows are consumed.
            while (rs.next()) {
                if (found == null) {
                    found = new Sealed(rs.getString(1), rs.getBytes(2));
                }
            }
        }
        return found;
    }

    /** The SQLite and PostgreSQL upsert: {@code ON CONFLICT ... DO UPDATE} with {@code excluded}. */
    abstract static class OnConflict extends SqlDialect {
        @Override
        public String credentialUpsertClause(String table) {
            return " ON CONFLICT (provider, subject) DO UPDATE SET version = " + table + ".version + 1, status = 'ACTIVE',"
                    + " updated_at = excluded.updated_at, expires_at = excluded.expires_at, key_id = excluded.key_id,"
                    + " payload = excluded.payload";
        }
    }

    /** SQLite: one writer per file, so "busy" is the lock answer; constraint errors by result code. */
    static final class SqliteSql extends OnConflict {
        @Override
        public boolean isDuplicateKey(SQLException e) {
            return (e.getErrorCode() & 0xff) == 19; // SQLITE_CONSTRAINT
        }

        @Override
        public boolean isBusy(SQLException e) {
            int code = e.getErrorCode() & 0xff;
            return code == 5 || code == 6; // SQLITE_BUSY, SQLITE_LOCKED
        }

        @Override
        boolean isMissingTable(SQLException e) {
            return String.valueOf(e.getMessage()).contains("no such table");
        }
    }

    /** PostgreSQL: SQLStates, byte-wise collation for the key order, and an advisory lock around DDL. */
    static final class PostgresSql extends OnConflict {
        // Fixed key for pg_advisory_xact_lock: serialises concurrent schema creation across processes,
        // because concurrent CREATE TABLE IF NOT EXISTS can fail on PostgreSQL's catalog unique index.
        private static final long SCHEMA_LOCK_KEY = 0x696e746567726174L;

        @Override
        public boolean isDuplicateKey(SQLException e) {
            return "23505".equals(e.getSQLState());
        }

        @Override
        public boolean isBusy(SQLException e) {
            return "55P03".equals(e.getSQLState());
        }

        @Override
        public String orderByKey() {
            return " ORDER BY provider COLLATE \"C\", subject COLLATE \"C\"";
        }

        @Override
        void lockSchema(Statement s) throws SQLException {
            s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK_KEY + ")");
        }
    }

    /** MariaDB and MySQL (InnoDB): no ON CONFLICT, no DELETE ... RETURNING, DDL commits implicitly. */
    static final class MariaDbSql extends SqlDialect {
        @Override
        public boolean isDuplicateKey(SQLException e) {
            return e.getErrorCode() == 1062;
        }

        @Override
        public boolean isBusy(SQLException e) {
            // InnoDB resolves concurrent claims of one key with a deadlock (1213) for one of them.
            return e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
        }

        @Override
        public String credentialUpsertClause(String table) {
            return " ON DUPLICATE KEY UPDATE version = version + 1, status = 'ACTIVE', updated_at = VALUES(updated_at),"
                    + " expires_at = VALUES(expires_at), key_id = VALUES(key_id), payload = VALUES(payload)";
        }

        @Override
        public boolean insertIfAbsent(Connection c, String insert, String key, Binder binder) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                binder.bind(ps);
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                // No ON CONFLICT DO NOTHING (INSERT IGNORE would also hide truncation): a duplicate
                // key is the "row exists" answer, and it aborts only this statement.
                if (isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        }

        @Override
        public @Nullable Sealed deleteReturningPayload(Connection c, String table, String where, Binder binder)
                throws SQLException {
            // SELECT ... FOR UPDATE then DELETE in one transaction: the second caller waits for the
            // row lock and then finds nothing.
            return Database.inTransaction(c, tx -> {
                Sealed found;
                try (PreparedStatement ps = tx.prepareStatement("SELECT key_id, payload FROM " + table + where + " FOR UPDATE")) {
                    binder.bind(ps);
                    found = readSealed(ps);
                }
                if (found != null) {
                    try (PreparedStatement ps = tx.prepareStatement("DELETE FROM " + table + where)) {
                        binder.bind(ps);
                        ps.executeUpdate();
                    }
                }
                return Optional.ofNullable(found);
            }).orElse(null);
        }

        @Override
        boolean hasTransactionalDdl() {
            // Each DDL statement commits implicitly, and every statement is idempotent anyway.
            return false;
        }
    }
}
