package com.summit.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Local mode's passwords (the database's superuser and app role, Elasticsearch's user): generated on first start, 24
 * random letters and digits each, and kept in one file under the data directory that only its owner may read.
 */
final class LocalCredentials {

    static final String POSTGRES_SUPERUSER = "postgres.superuser.password";
    static final String POSTGRES_APP = "postgres.summit.password";
    static final String ELASTICSEARCH = "elasticsearch.summit.password";
    private static final List<String> KEYS = List.of(POSTGRES_SUPERUSER, POSTGRES_APP, ELASTICSEARCH);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final Properties passwords = new Properties();

    LocalCredentials(Path file) {
        this.file = file;
    }

    /** Reads the file, generating what it lacks (every password on first start); idempotent. */
    synchronized LocalCredentials load() {
        try {
            passwords.clear();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    passwords.load(in);
                }
            }
            boolean added = false;
            for (String key : KEYS) {
                String value = passwords.getProperty(key);
                if (value == null || value.isBlank()) {
                    passwords.setProperty(key, generate());
                    added = true;
                }
            }
            if (added) {
                write();
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local passwords in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Written whole beside it, then moved into place: a start that dies half-way leaves no half-written file. */
    private void write() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), ".local-credentials", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try (Writer out = Files.newBufferedWriter(draft, StandardCharsets.UTF_8)) {
            passwords.store(out, "Summit local mode: generated on first start; readable by its owner only");
        }
        Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    boolean exists() {
        return Files.exists(file);
    }

    Path file() {
        return file;
    }

    String superuserPassword() {
        return passwords.getProperty(POSTGRES_SUPERUSER);
    }

    String appPassword() {
        return passwords.getProperty(POSTGRES_APP);
    }

    String elasticsearchPassword() {
        return passwords.getProperty(ELASTICSEARCH);
    }
}
