package com.summit.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Elasticsearch, the {@code integ-test-zip} distribution from Maven Central, run as a child
 * process. As root it runs under an unprivileged account (Elasticsearch refuses root). Its data lives
 * under {@code <data-dir>/elasticsearch}; a pid file lets the next start stop one that a killed run left
 * behind, and {@code setpriv --pdeathsig} stops it when Summit's JVM dies without a shutdown.
 */
final class LocalElasticsearch implements AutoCloseable {

    static final String VERSION = "8.19.21";
    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);

    private final Path dataDir;
    private final LocalProperties.Elasticsearch settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration FIRST_RESTART_WAIT = Duration.ofSeconds(2);
    private static final Duration LONGEST_RESTART_WAIT = Duration.ofMinutes(5);
    /** A run this long resets the wait before the next restart. */
    private static final Duration STABLE_RUN = Duration.ofMinutes(2);

    private final java.util.concurrent.atomic.AtomicReference<Process> current = new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closing;
    private final Path pidFile;
    private Thread keeper;

    /** The user the app signs in as (the file realm's only user, with the built-in superuser role). */
    static final String APP_USER = "summit";

    private final LocalCredentials credentials;

    /** Without security: a test harness that plays an external, open Elasticsearch. */
    LocalElasticsearch(Path dataDir, LocalProperties.Elasticsearch settings) {
        this(dataDir, settings, null);
    }

    /** With security on: every request signs in as {@link #APP_USER} with the generated password. */
    LocalElasticsearch(Path dataDir, LocalProperties.Elasticsearch settings, LocalCredentials credentials) {
        this.credentials = credentials;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.settings = settings;
        this.pidFile = this.dataDir.resolve("elasticsearch.pid");
    }

    void stopLeftover() {
        PidFiles.liveProcess(pidFile, "elasticsearch").ifPresent(p -> PidFiles.stop(p, "Elasticsearch", Duration.ofSeconds(30)));
        PidFiles.delete(pidFile);
    }

    void checkPorts() {
        Ports.requireFree(settings.httpPort(), "embedded Elasticsearch HTTP", "summit.local.elasticsearch.http-port");
        Ports.requireFree(settings.transportPort(), "embedded Elasticsearch transport", "summit.local.elasticsearch.transport-port");
    }

    /** Starts Elasticsearch without waiting for it: search catches up through the outbox once it is ready. */
    void start() {
        Path home = install();
        Path data = dir("elasticsearch");
        Path logs = dir("elasticsearch-logs");
        Path tmp = dir("elasticsearch-tmp");
        writeConfig(home, data, logs);
        List<String> command = new ArrayList<>();
        String user = null;
        if (Unix.isRoot()) {
            user = Unix.ensureSystemUser(settings.runAsUser());
            Unix.chown(user, home, data, logs, tmp);
        }
        if (Unix.hasSetpriv()) {
            command.addAll(List.of("setpriv", "--pdeathsig", "TERM"));
            if (user != null) {
                command.addAll(List.of("--reuid", user, "--regid", user, "--clear-groups"));
            }
        } else if (user != null) {
            command.addAll(List.of("runuser", "-u", user, "--"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("console.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap());
        env.put("ES_TMPDIR", tmp.toString());
        env.remove("JAVA_TOOL_OPTIONS");
        // The keeper thread lives as long as Elasticsearch: with --pdeathsig, Elasticsearch gets SIGTERM
        // when the thread that started it dies, i.e. when Summit's JVM dies. It also starts Elasticsearch again
        // when it dies on its own (killed, out of memory), waiting longer after each quick death.
        keeper = Thread.ofPlatform().name("elasticsearch-keeper").daemon(true).start(() -> keep(builder, logs));
        log.info("Elasticsearch {} starting on 127.0.0.1:{} (data in {}{})", VERSION, settings.httpPort(), data,
                user == null ? "" : ", as user " + user);
    }

    private void keep(ProcessBuilder builder, Path logs) {
        Duration wait = FIRST_RESTART_WAIT;
        while (!closing) {
            long started = System.nanoTime();
            int exit;
            try {
                Process p = builder.start();
                PidFiles.write(pidFile, p.pid());
                current.set(p);
                exit = p.waitFor();
            } catch (IOException e) {
                log.error("Elasticsearch did not start: {}", e.getMessage());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (closing) {
                return;
            }
            if (exit == 0 || exit == 130 || exit == 143) {
                // stopped on purpose (by a signal to stop, or cleanly): not a death to undo
                log.info("Elasticsearch stopped (exit code {}); Summit does not start it again", exit);
                return;
            }
            restarts.incrementAndGet();
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(STABLE_RUN) > 0) {
                wait = FIRST_RESTART_WAIT;
            }
            log.warn("Elasticsearch exited with code {} (see {}); starting it again in {} s. Search is unavailable meanwhile; "
                    + "changes wait in the outbox.", exit, logs.resolve("console.log"), wait.toSeconds());
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_RESTART_WAIT) > 0 ? LONGEST_RESTART_WAIT : wait.multipliedBy(2);
        }
    }

    /** How often Elasticsearch was started again after dying on its own. */
    int restarts() {
        return restarts.get();
    }

    boolean isReady() {
        try {
            HttpRequest.Builder health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.httpPort() + "/_cluster/health"))
                    .timeout(Duration.ofSeconds(2));
            if (authorization() != null) {
                health.header("Authorization", authorization());
            }
            HttpResponse<Void> response = http.send(health.build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path install() {
        Path home = dataDir.resolve("elasticsearch-home").resolve("elasticsearch-" + VERSION);
        if (Files.isRegularFile(home.resolve(".summit-installed"))) {
            return home;
        }
        Path zip = distribution();
        log.info("Unpacking Elasticsearch {} from {}", VERSION, zip);
        Path parent = home.getParent();
        try {
            Files.createDirectories(parent);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    Path target = parent.resolve(entry.getName()).normalize();
                    if (!target.startsWith(parent)) {
                        throw new IOException("Bad entry in " + zip + ": " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            try (Stream<Path> files = Stream.concat(Files.list(home.resolve("bin")), Files.walk(home.resolve("modules")))) {
                files.filter(f -> f.getParent().getFileName().toString().equals("bin") && Files.isRegularFile(f))
                        .forEach(LocalElasticsearch::makeExecutable);
            }
            Files.writeString(home.resolve(".summit-installed"), VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack Elasticsearch from " + zip + ": " + e.getMessage(), e);
        }
        return home;
    }

    private Path distribution() {
        Path configured = settings.distribution();
        if (configured != null && Files.isRegularFile(configured)) {
            return configured;
        }
        Path inRepository = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "elasticsearch",
                "distribution", "integ-test-zip", "elasticsearch", VERSION, "elasticsearch-" + VERSION + ".zip");
        if (Files.isRegularFile(inRepository)) {
            return inRepository;
        }
        throw new IllegalStateException("The Elasticsearch distribution is missing: neither " + configured + " nor "
                + inRepository + " exists. Build once with ./mvnw package, or set summit.local.elasticsearch.distribution.");
    }

    private void writeConfig(Path home, Path data, Path logs) {
        String yaml = String.join("\n",
                "# written by Summit at each start (local mode)",
                "cluster.name: summit-local",
                "node.name: summit-local",
                "path.data: " + data,
                "path.logs: " + logs,
                "network.host: 127.0.0.1",
                "http.port: " + settings.httpPort(),
                "transport.port: " + settings.transportPort(),
                "discovery.type: single-node",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                // indexes are created by Summit with their mappings, never implicitly by a write
                "action.auto_create_index: false",
                "");
        if (credentials == null) {
            yaml += "xpack.security.enabled: false\n";
        } else {
            // sign-in over plain HTTP on loopback (no TLS: nothing leaves this machine); one user in the file realm
            yaml += String.join("\n",
                    "xpack.security.enabled: true",
                    "xpack.security.http.ssl.enabled: false",
                    "xpack.security.transport.ssl.enabled: false",
                    "xpack.security.enrollment.enabled: false",
                    "xpack.security.authc.realms.file.local.order: 0",
                    "xpack.security.authc.realms.native.native.enabled: false",
                    "");
        }
        try {
            Files.writeString(home.resolve("config/elasticsearch.yml"), yaml);
            if (credentials != null) {
                String hash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(credentials.elasticsearchPassword());
                Path users = home.resolve("config/users");
                Path roles = home.resolve("config/users_roles");
                Files.writeString(users, APP_USER + ":" + hash + "\n");
                Files.writeString(roles, "superuser:" + APP_USER + "\n");
                for (Path f : new Path[] {users, roles}) {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Authorization header of the app's user, or null without security. */
    private String authorization() {
        if (credentials == null) {
            return null;
        }
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (APP_USER + ":" + credentials.elasticsearchPassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Path dir(String name) {
        Path dir = dataDir.resolve(name);
        try {
            Files.createDirectories(dir);
            // readable by its owner only (the index holds customer and deal data)
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void makeExecutable(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closing = true;
        Process p = current.get();
        if (p == null) {
            if (keeper != null) {
                keeper.interrupt();
            }
            return;
        }
        if (p.isAlive()) {
            log.info("Stopping Elasticsearch (pid {})", p.pid());
            p.destroy();
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (keeper != null) {
            keeper.interrupt();
        }
        PidFiles.delete(pidFile);
    }

    /** Small helpers for running as root. */
    static final class Unix {

        private Unix() {}

        static boolean isRoot() {
            return "root".equals(System.getProperty("user.name")) || "0".equals(run("id", "-u").trim());
        }

        static boolean hasSetpriv() {
            return Stream.of("/usr/bin/setpriv", "/bin/setpriv").anyMatch(p -> Files.isExecutable(Path.of(p)));
        }

        static String ensureSystemUser(String name) {
            if (run("id", "-u", name).isBlank()) {
                run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name);
                if (run("id", "-u", name).isBlank()) {
                    log.warn("Cannot create the account {}; running Elasticsearch as nobody", name);
                    return "nobody";
                }
            }
            return name;
        }

        static void chown(String user, Path... paths) {
            List<String> command = new ArrayList<>(List.of("chown", "-R", user + ":"));
            for (Path p : paths) {
                command.add(p.toString());
            }
            run(command.toArray(String[]::new));
        }

        private static String run(String... command) {
            try {
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                try (InputStream in = p.getInputStream()) {
                    String out = new String(in.readAllBytes());
                    return p.waitFor() == 0 ? out : "";
                }
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
    }
}
