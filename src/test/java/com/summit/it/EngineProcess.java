package com.summit.it;

import com.summit.local.StandaloneEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The engine prod mode's tests talk to over gRPC. By default the embedded Zeebe engine started as a process of its
 * own ({@link StandaloneEngine}), so no non-open-source distribution is fetched. With {@code SUMMIT_TEST_GRPC_ADDRESS}
 * set (for example {@code http://zeebe.example:26500}), the suite uses that cluster instead; any other
 * {@code CAMUNDA_CLIENT_*} variable (credentials, TLS) reaches the app as Camunda documents.
 */
final class EngineProcess implements AutoCloseable {

    static final String CLUSTER_VARIABLE = "SUMMIT_TEST_GRPC_ADDRESS";

    private Process process;
    private String grpcAddress;

    EngineProcess start(Path dataDir) throws IOException, InterruptedException {
        String provided = System.getenv(CLUSTER_VARIABLE);
        if (provided != null && !provided.isBlank()) {
            grpcAddress = provided.strip();
            return this;
        }
        Files.createDirectories(dataDir);
        for (int attempt = 1; ; attempt++) {
            int port = TestPorts.free();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m"));
            if (Runtime.version().feature() >= 24) {
                command.addAll(List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), StandaloneEngine.class.getName(), Integer.toString(port)));
            Path log = dataDir.resolve("engine-" + attempt + ".log");
            process = new ProcessBuilder(command).redirectErrorStream(false).redirectError(log.toFile()).start();
            if (awaitReady(Duration.ofSeconds(90))) {
                grpcAddress = "http://127.0.0.1:" + port;
                return this;
            }
            close();
            if (attempt >= 3) {
                throw new IllegalStateException("The standalone engine did not start; see " + log.toAbsolutePath());
            }
        }
    }

    private boolean awaitReady(Duration timeout) throws InterruptedException {
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        return true;
                    }
                }
            } catch (IOException e) {
                return false;
            }
            return false;
        });
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** The gateway's address, as {@code camunda.client.grpc-address} takes it. */
    String grpcAddress() {
        return grpcAddress;
    }

    /** Whether the engine is the one this test started (not a cluster the user pointed the suite at). */
    boolean isOwn() {
        return process != null;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // it is being stopped anyway
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
