package dev.integrations.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.integrations.ConfigurationException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Connection pools for the embedded SQLite default. */
final class SqliteDataSources {
    /** How long a writer waits for SQLite's write lock, which every write holds only briefly. */
    static final int BUSY_TIMEOUT_MILLIS = 5_000;
    /**
     * SQLite has a single writer however many connections there are; in WAL mode readers do not
     * block it. A few connections let concurrent sessions read in parallel; refresh waiters
     * wait in process (single flight) and hold no connection between their polls.
     */
    static final int POOL_SIZE = 8;

    private SqliteDataSources() {
    }

    /**
     * A HikariCP pool over an SQLite file, creating the file (owner-only where POSIX permissions
     * exist) and its parent directories: WAL journal (readers never wait for the writer),
     * synchronous=FULL (a committed refresh survives power loss: the old refresh token is already
     * dead at the authorization server) and a busy timeout.
     */
    static HikariDataSource open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            if (!Files.exists(path)) {
                try {
                    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } else {
                        Files.createFile(path);
                    }
                } catch (FileAlreadyExistsException e) {
                    // Another process created it first: fine, SQLite shares it.
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("Cannot create the SQLite database file " + path + " (" + e.getClass().getSimpleName()
                    + "): check that the directory is writable by this process", e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + path);

        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setPoolName("integrations-sqlite");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        return new HikariDataSource(pool);
    }
}
