package dev.integrations.cli;

import dev.integrations.jdbc.EncryptionKeys;
import dev.integrations.jdbc.JdbcStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The configuration directory: {@value #DATABASE_FILE} (the credential store, rows encrypted with
 * AES-256-GCM) and {@value #KEY_FILE} (the key, readable only by the user). Both are created on
 * first use: the directory {@code rwx------}, the key file {@code rw-------}. A key file that
 * anyone else may read or write is refused rather than used, since whoever reads it can decrypt
 * the tokens.
 */
final class ConfigDirectory {
    static final String DATABASE_FILE = "credentials.db";
    static final String KEY_FILE = "key";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path directory;

    ConfigDirectory(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    Path directory() {
        return directory;
    }

    Path keyFile() {
        return directory.resolve(KEY_FILE);
    }

    Path databaseFile() {
        return directory.resolve(DATABASE_FILE);
    }

    /** Whether a store exists yet (commands that only read do not create one). */
    boolean exists() {
        return Files.exists(databaseFile()) && Files.exists(keyFile());
    }

    /** Opens the store, creating the directory, key and database on first use. */
    JdbcStores open() {
        return JdbcStores.sqlite(databaseFile(), keys());
    }

    EncryptionKeys keys() {
        createDirectory();
        Path keyFile = keyFile();
        if (!Files.exists(keyFile)) {
            createKeyFile(keyFile);
        }
        checkOwnerOnly(keyFile);
        try {
            return EncryptionKeys.fromFile(keyFile);
        } catch (RuntimeException e) {
            throw CliException.failure("Cannot read the key file " + keyFile + ": " + e.getMessage()
                    + ". Restore it from a backup, or delete it together with " + databaseFile()
                    + " and log in again.");
        }
    }

    private void createDirectory() {
        try {
            if (isPosix(directory)) {
                Files.createDirectories(directory);
                // Only the directory this tool owns is narrowed, never a parent such as ~/.config.
                Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw CliException.failure("Cannot create the configuration directory " + directory + ": " + e.getMessage()
                    + ". Set " + CliEnvironment.CONFIG_DIR_VARIABLE + " to a writable directory.");
        }
    }

    private static void createKeyFile(Path keyFile) {
        byte[] content = ("# integrations CLI: the key of " + DATABASE_FILE + ". Keep it readable only by you.\n"
                + EncryptionKeys.generate().toEnvironmentValue() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (isPosix(keyFile)) {
                // Created with its final permissions, so the key is never readable by others, even briefly.
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } else {
                Files.createFile(keyFile);
            }
            Files.write(keyFile, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            // Another process created it first: use theirs.
        } catch (IOException e) {
            throw CliException.failure("Cannot create the key file " + keyFile + ": " + e.getMessage());
        }
    }

    /** Refuses a key file that the group or others may read or write. */
    static void checkOwnerOnly(Path keyFile) {
        if (!isPosix(keyFile)) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(keyFile);
        } catch (IOException e) {
            throw CliException.failure("Cannot read the permissions of " + keyFile + ": " + e.getMessage());
        }
        Set<PosixFilePermission> others = EnumSet.copyOf(permissions);
        others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        if (!others.isEmpty()) {
            throw CliException.failure("The key file " + keyFile + " is accessible by other users ("
                    + PosixFilePermissions.toString(permissions) + "); anyone who reads it can decrypt your tokens."
                    + " Run: chmod 600 " + keyFile);
        }
    }

    private static Path existingAncestor(Path path) {
        for (Path current = path.toAbsolutePath(); current != null; current = current.getParent()) {
            if (Files.exists(current)) {
                return current;
            }
        }
        return path;
    }

    private static boolean isPosix(Path path) {
        Path existing = existingAncestor(path);
        return Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }
}
