package com.summit.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real Zeebe broker: the {@code io.camunda:camunda-zeebe:8.6.0} distribution from Maven Central
 * (unpacked by the build into {@code target/zeebe-broker}), its gateway and ports on loopback.
 */
final class ZeebeBroker implements AutoCloseable {

    int gatewayPort;
    private int commandPort;
    private int internalPort;
    private int monitoringPort;
    private Process process;

    /**
     * Starts the broker on free ports. A port found free can be taken by another process before the broker binds
     * it (an outgoing connection's ephemeral port, say); the broker then exits at once, and it is started again on
     * other ports.
     */
    ZeebeBroker start(Path dataDir) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            gatewayPort = TestPorts.free();
            commandPort = TestPorts.free();
            internalPort = TestPorts.free();
            monitoringPort = TestPorts.free();
            try {
                return startOnce(dataDir);
            } catch (IllegalStateException e) {
                String log = Files.exists(dataDir.resolve("broker.log")) ? Files.readString(dataDir.resolve("broker.log")) : "";
                if (attempt >= 3 || !log.contains("already in use")) {
                    throw e;
                }
                close();
            }
        }
    }

    private ZeebeBroker startOnce(Path dataDir) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("summit.zeebe-broker.home", "target/zeebe-broker/camunda-zeebe-8.6.0"));
        if (!Files.isExecutable(home.resolve("bin/broker"))) {
            throw new IllegalStateException("No Zeebe broker at " + home + "; the build unpacks it in pre-integration-test");
        }
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/broker").toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("broker.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS", "-Xmx768m");
        env.put("ZEEBE_BROKER_NETWORK_HOST", "127.0.0.1");
        env.put("ZEEBE_BROKER_GATEWAY_NETWORK_HOST", "127.0.0.1");
        env.put("ZEEBE_BROKER_GATEWAY_NETWORK_PORT", Integer.toString(gatewayPort));
        env.put("ZEEBE_BROKER_NETWORK_COMMANDAPI_PORT", Integer.toString(commandPort));
        env.put("ZEEBE_BROKER_NETWORK_INTERNALAPI_PORT", Integer.toString(internalPort));
        env.put("SERVER_PORT", Integer.toString(TestPorts.free()));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(monitoringPort));
        env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        env.put("ZEEBE_BROKER_DATA_DIRECTORY", dataDir.resolve("data").toAbsolutePath().toString());
        env.put("ZEEBE_BROKER_THREADS_CPUTHREADCOUNT", "1");
        env.put("ZEEBE_BROKER_THREADS_IOTHREADCOUNT", "1");
        process = builder.start();
        awaitReady(Duration.ofSeconds(120));
        return this;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create("http://127.0.0.1:" + monitoringPort + "/actuator/health/readiness");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Zeebe broker exited with " + process.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The Zeebe broker was not ready within " + timeout.toSeconds() + " s");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
