package com.summit.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.Set;

/**
 * Local mode's database passwords: generated on first start (24 random letters and digits each) and kept in a file
 * under the data directory that only its owner may read or write.
 */
final class LocalCredentials {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private String superuserPassword;
    private String appPassword;

    LocalCredentials(Path file) {
        this.file = file;
    }

    void loadOrCreate() {
        try {
            if (!Files.exists(file)) {
                Properties created = new Properties();
                created.setProperty("postgres.superuser.password", generate());
                created.setProperty("postgres.summit.password", generate());
                Files.createDirectories(file.getParent());
                // written whole beside it, then moved into place: a start that dies half-way leaves no empty file
                Path draft = Files.createTempFile(file.getParent(), ".postgres-credentials", ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                try (Writer out = Files.newBufferedWriter(draft, StandardCharsets.UTF_8)) {
                    created.store(out, "Summit local mode: generated on first start; readable by its owner only");
                }
                try {
                    Files.move(draft, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(draft);
                } catch (IOException notAtomic) {
                    Files.deleteIfExists(draft);
                    throw notAtomic;
                }
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            read();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local database passwords in " + file + ": " + e.getMessage(), e);
        }
    }

    private void read() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        superuserPassword = p.getProperty("postgres.superuser.password");
        appPassword = p.getProperty("postgres.summit.password");
        if (superuserPassword == null || superuserPassword.isBlank() || appPassword == null || appPassword.isBlank()) {
            throw new IllegalStateException(file + " lacks a password; restore it, or remove the data directory to start afresh");
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    Path file() {
        return file;
    }

    String superuserPassword() {
        return superuserPassword;
    }

    String appPassword() {
        return appPassword;
    }
}
