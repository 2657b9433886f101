package dev.integrations.jdbc.internal;

import dev.integrations.jdbc.CredentialDecryptionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Moves credential rows to the primary key: every row not under it (older keys, and plain-text
 * rows written before encryption was turned on) is read, decrypted and sealed again in batches,
 * each written in its own transaction. Data, version, status and timestamps stay as they are; a
 * row changed concurrently is skipped (its writer used the primary key). Rows that cannot be
 * decrypted are logged (provider and subject only) and left as they are.
 */
public final class Reencryptor {
    // Under the store's name, which applications' logging configuration already refers to.
    private static final Logger LOG = LoggerFactory.getLogger("dev.integrations.jdbc.JdbcCredentialStore");

    private final Database db;
    private final CredentialRows rows;

    /**
     * A re-encryptor of {@code db}'s credentials table.
     *
     * @param db the database
     * @param rows the table's row codec, sealing under the primary key
     */
    public Reencryptor(Database db, CredentialRows rows) {
        this.db = Objects.requireNonNull(db, "db");
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    /**
     * Rewrites every row whose key id is not {@code primary}.
     *
     * @param primary the id of the key ring's primary key, which the row codec seals with
     * @param batchSize how many rows to rewrite per transaction, positive
     * @return how many rows were rewritten
     * @throws dev.integrations.jdbc.CredentialStoreException when the database fails
     */
    public int run(String primary, int batchSize) {
        String afterProvider = "";
        String afterSubject = "";
        int rewritten = 0;
        int unreadable = 0;
        while (true) {
            Batch batch = read(primary, afterProvider, afterSubject, batchSize);
            unreadable += batch.unreadable();
            if (!batch.rows().isEmpty()) {
                rewritten += write(batch.rows());
            }
            if (batch.seen() < batchSize) {
                break;
            }
            afterProvider = batch.lastProvider();
            afterSubject = batch.lastSubject();
        }
        LOG.info("reencrypt on table {}: {} rows rewritten under key '{}', {} rows could not be decrypted", table(), rewritten,
                primary, unreadable);
        return rewritten;
    }

    private record Resealed(String provider, String subject, long version, Sealed sealed) {
    }

    private record Batch(List<Resealed> rows, int seen, int unreadable, String lastProvider, String lastSubject) {
    }

    /**
     * The next rows after (afterProvider, afterSubject) not under the primary key, decrypted and
     * sealed again. Keyset pagination: {@code >} and {@code ORDER BY} use the same (default)
     * collation, so no row is missed although skipped rows keep matching the key condition.
     */
    private Batch read(String primary, String afterProvider, String afterSubject, int batchSize) {
        String sql = "SELECT provider, subject, version, key_id, payload FROM " + table()
                + " WHERE (key_id IS NULL OR key_id <> ?) AND (provider > ? OR (provider = ? AND subject > ?))"
                + " ORDER BY provider, subject LIMIT ?";
        return db.run("Reading rows to re-encrypt", null, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, primary);
                ps.setString(2, afterProvider);
                ps.setString(3, afterProvider);
                ps.setString(4, afterSubject);
                ps.setInt(5, batchSize);
                List<Resealed> resealed = new ArrayList<>();
                int seen = 0;
                int unreadable = 0;
                String lastProvider = afterProvider;
                String lastSubject = afterSubject;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seen++;
                        lastProvider = rs.getString(1);
                        lastSubject = rs.getString(2);
                        String keyId = rs.getString(4);
                        try {
                            byte[] plain = keyId == null ? rows.plaintextRow(lastProvider, lastSubject, rs.getBytes(5))
                                    : rows.open(lastProvider, lastSubject, keyId, rs.getBytes(5));
                            resealed.add(new Resealed(lastProvider, lastSubject, rs.getLong(3),
                                    rows.reseal(lastProvider, lastSubject, plain)));
                        } catch (CredentialDecryptionException e) {
                            unreadable++;
                            LOG.warn("reencrypt: left the credentials of provider '{}', subject '{}' as they are: {}",
                                    lastProvider, lastSubject, e.getMessage());
                        }
                    }
                }
                return new Batch(resealed, seen, unreadable, lastProvider, lastSubject);
            }
        });
    }

    /**
     * Writes one batch in one transaction. Guarded by version: a row written since it was read
     * is skipped (its writer used the primary key). Data, version, status and times stay as they are.
     */
    private int write(List<Resealed> batch) {
        String sql = "UPDATE " + table() + " SET key_id = ?, payload = ? WHERE provider = ? AND subject = ? AND version = ?";
        return db.run("Re-encrypting credentials", null, c -> Database.inTransaction(c, tx -> {
            int written = 0;
            try (PreparedStatement ps = tx.prepareStatement(sql)) {
                for (Resealed row : batch) {
                    ps.setString(1, row.sealed().keyId());
                    ps.setBytes(2, row.sealed().payload());
                    ps.setString(3, row.provider());
                    ps.setString(4, row.subject());
                    ps.setLong(5, row.version());
                    written += ps.executeUpdate() == 1 ? 1 : 0;
                }
            }
            return written;
        }));
    }

    private String table() {
        return db.tables().credentials();
    }
}
