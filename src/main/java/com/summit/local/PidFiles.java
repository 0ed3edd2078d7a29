package com.summit.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds and stops a child process that a killed run of Summit left behind. */
final class PidFiles {

    private static final Logger log = LoggerFactory.getLogger(PidFiles.class);

    private PidFiles() {}

    static Optional<ProcessHandle> liveProcess(Path pidFile, String commandLineMarker) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            // the first line holds the pid (PostgreSQL's postmaster.pid has more lines after it)
            long pid = Long.parseLong(Files.readString(pidFile).strip().lines().findFirst().orElse("").strip());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> commandLine(pid).contains(commandLineMarker));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void stop(ProcessHandle process, String what, Duration grace) {
        log.info("Stopping {} left behind by an earlier run (pid {})", what, process.pid());
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported below
            }
        }
        if (process.isAlive()) {
            throw new IllegalStateException(what + " (pid " + process.pid() + ") does not stop; stop it by hand.");
        }
    }

    static void write(Path pidFile, long pid) {
        try {
            Files.writeString(pidFile, Long.toString(pid));
        } catch (IOException e) {
            log.warn("Cannot write {}: {}", pidFile, e.getMessage());
        }
    }

    static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", pidFile, e.getMessage());
        }
    }

    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
        }
    }
}
