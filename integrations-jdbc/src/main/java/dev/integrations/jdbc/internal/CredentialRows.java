package dev.integrations.jdbc.internal;

import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.jdbc.CredentialDecryptionException;
import dev.integrations.jdbc.CredentialStoreException;
import dev.integrations.internal.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The row codec of the credentials table: the credential map as JSON, sealed with
 * {@code provider + '\0' + subject} (and a purpose tag) as associated data, beside plain columns
 * for version, status, times and the access token's expiry. Rows written by earlier versions stay
 * readable: neither the columns nor the encryption format change.
 */
public final class CredentialRows {
    /** The columns {@link #decode(ResultSet)} reads, in its order: {@link #KEYED_COLUMNS} after the key. */
    public static final String COLUMNS = "provider, subject, version, status, created_at, updated_at, key_id, payload";
    /**
     * The columns {@link #decode(ResultSet, String, String)} reads, in its order: a read by primary
     * key already knows the provider and subject it bound (the shipped schemas compare them
     * exactly), so it does not fetch them back.
     */
    public static final String KEYED_COLUMNS = "version, status, created_at, updated_at, key_id, payload";
    /** The columns {@link #bindInsert} binds, in its order. */
    public static final String INSERT_COLUMNS = "provider, subject, version, status, created_at, updated_at, expires_at,"
            + " key_id, payload";
    private static final String AAD_TAG = "integrations.credentials.v1";

    private final RowCodec codec;
    private final String table;

    /**
     * A codec for the rows of {@code table}.
     *
     * @param cipher the key ring's cipher
     * @param table the table's name, for messages
     */
    public CredentialRows(Cipher cipher, String table) {
        this.codec = new RowCodec(cipher, AAD_TAG);
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * The sealed payload and plain columns of one write.
     *
     * @param sealed the sealed credential map
     * @param now the write's time, epoch milliseconds
     * @param expiresAt the access token's expiry rounded down to milliseconds, or null
     */
    public record Row(Sealed sealed, long now, @Nullable Long expiresAt) {
    }

    /**
     * Seals a credential map for a write at {@code now}.
     *
     * @param provider the provider
     * @param subject the subject
     * @param data the credential map (copied)
     * @param now epoch milliseconds of the write
     * @return the row's values
     */
    public Row seal(String provider, String subject, Map<String, Object> data, long now) {
        Objects.requireNonNull(data, "data");
        Map<String, Object> copy = Json.deepCopy(data);
        byte[] json = Json.write(copy).getBytes(StandardCharsets.UTF_8);
        Instant expires = StoredCredentials.expiresAtOf(copy);
        return new Row(codec.seal(provider, subject, json), now, expires == null ? null : Millis.floor(expires));
    }

    /**
     * Seals already-encoded plain JSON again (re-encryption).
     *
     * @param provider the provider
     * @param subject the subject
     * @param plain the plain JSON
     * @return the payload under the primary key
     */
    Sealed reseal(String provider, String subject, byte[] plain) {
        return codec.seal(provider, subject, plain);
    }

    /**
     * Binds the {@link #INSERT_COLUMNS} of a new row at version 1, status active.
     *
     * @param ps the insert, whose version and status are literals in its SQL
     * @param provider the provider
     * @param subject the subject
     * @param row the row's values
     * @throws SQLException when binding fails
     */
    public void bindInsert(PreparedStatement ps, String provider, String subject, Row row) throws SQLException {
        ps.setString(1, provider);
        ps.setString(2, subject);
        ps.setLong(3, row.now());
        ps.setLong(4, row.now());
        setNullableLong(ps, 5, row.expiresAt());
        ps.setString(6, row.sealed().keyId());
        ps.setBytes(7, row.sealed().payload());
    }

    /**
     * The credentials of the current row of a query of {@link #COLUMNS}.
     *
     * @param rs the result set, on a row
     * @return the credentials
     * @throws SQLException when reading fails
     * @throws CredentialDecryptionException when the row does not decrypt or is not a JSON object
     */
    public StoredCredentials decode(ResultSet rs) throws SQLException {
        return decode(rs, rs.getString(1), rs.getString(2), 3);
    }

    /**
     * The credentials of the current row of a query of {@link #KEYED_COLUMNS} by primary key. The
     * payload is opened with {@code provider} and {@code subject} as associated data, so a row that
     * is not exactly theirs (say, found by a case-insensitive collation of a hand-made schema)
     * does not decrypt rather than being returned under another key.
     *
     * @param rs the result set, on a row
     * @param provider the provider the query bound
     * @param subject the subject the query bound
     * @return the credentials
     * @throws SQLException when reading fails
     * @throws CredentialDecryptionException when the row does not decrypt or is not a JSON object
     */
    public StoredCredentials decode(ResultSet rs, String provider, String subject) throws SQLException {
        return decode(rs, provider, subject, 1);
    }

    /** Decodes a row whose {@link #KEYED_COLUMNS} start at column {@code first}. */
    private StoredCredentials decode(ResultSet rs, String provider, String subject, int first) throws SQLException {
        long version = rs.getLong(first);
        String status = rs.getString(first + 1);
        long createdAt = rs.getLong(first + 2);
        long updatedAt = rs.getLong(first + 3);
        byte[] plain = open(provider, subject, rs.getString(first + 4), rs.getBytes(first + 5));
        Map<String, Object> data;
        try {
            // Frozen in place: StoredCredentials' defensive copy then has nothing to copy.
            data = Json.parseFrozenObject(plain);
        } catch (IOException | RuntimeException e) {
            throw new CredentialDecryptionException("The credentials of provider '" + provider + "', subject '" + subject
                    + "' in table " + table + " decrypted but are not a JSON object (" + e.getClass().getSimpleName()
                    + "); delete the row so the user connects again");
        }
        CredentialStatus parsedStatus;
        try {
            parsedStatus = CredentialStatus.valueOf(status);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CredentialStoreException("The credentials of provider '" + provider + "', subject '" + subject
                    + "' in table " + table + " have an unknown status '" + status + "'; expected one of "
                    + List.of(CredentialStatus.values()));
        }
        return new StoredCredentials(provider, subject, data, version, parsedStatus, StoredCredentials.expiresAtOf(data),
                Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(updatedAt));
    }

    /**
     * Decrypts a row's payload.
     *
     * @param provider the provider
     * @param subject the subject
     * @param keyId the stored key id (null: plain text)
     * @param payload the stored payload
     * @return the plain JSON
     * @throws CredentialDecryptionException naming the row and what to do
     */
    byte[] open(String provider, String subject, String keyId, byte[] payload) {
        try {
            return codec.open(provider, subject, keyId, payload);
        } catch (GeneralSecurityException e) {
            throw new CredentialDecryptionException("Cannot decrypt the credentials of provider '" + provider + "', subject '"
                    + subject + "' in table " + table + ": " + e.getMessage() + ". Other rows are unaffected; restore the"
                    + " key that wrote this row, or delete the row so the user connects again.");
        }
    }

    /**
     * A row written by a plain-text store: accepted only by re-encryption, the explicit step that
     * encrypts such rows, and only if it is a JSON object.
     *
     * @param provider the provider
     * @param subject the subject
     * @param payload the stored plain JSON
     * @return {@code payload}
     * @throws CredentialDecryptionException when it is not a JSON object
     */
    byte[] plaintextRow(String provider, String subject, byte[] payload) {
        try {
            Json.parseObject(payload);
            return payload;
        } catch (IOException | RuntimeException e) {
            throw new CredentialDecryptionException("The plain-text credentials of provider '" + provider + "', subject '"
                    + subject + "' in table " + table + " are not a JSON object; delete the row");
        }
    }

    /**
     * Binds a nullable BIGINT.
     *
     * @param ps the statement
     * @param index the parameter's index
     * @param value the value, or null
     * @throws SQLException when binding fails
     */
    public static void setNullableLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
