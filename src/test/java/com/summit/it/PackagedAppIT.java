package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged app, as {@code ./summit run} starts it: {@code java -jar target/summit.jar} in local mode. Classes
 * load differently inside the jar than in the other tests (nested jars), so this is where a part that finds its
 * pieces through the class loader (the engine's DMN, for one) shows whether it works for a user.
 */
class PackagedAppIT {

    @Test
    void theJarStartsWithDemoDataAndDecidesItsFirstGates() throws IOException, InterruptedException {
        Path jar = Path.of("target", "summit.jar");
        assertThat(jar).exists();
        Path data = Path.of("target", "it-data", "packaged-" + ProcessHandle.current().pid());
        Files.createDirectories(data);
        Path log = data.resolve("app.log");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the same rule as ./summit and the pom's jdk24 profile: JDK 24 warns about these, JDK 21 does not know the first
        List<String> command = new java.util.ArrayList<>(List.of(javaBin));
        if (Runtime.version().feature() >= 24) {
            command.addAll(List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"));
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + TestPorts.free(),
                "--summit.local.data-dir=" + data,
                "--summit.local.zeebe.port=" + TestPorts.free(),
                "--summit.local.postgres.port=" + TestPorts.free(),
                "--summit.local.elasticsearch.enabled=false",
                "--summit.local.elasticsearch.http-port=" + TestPorts.free()));
        Process app = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            String out = "";
            while (System.nanoTime() < deadline && app.isAlive()) {
                out = Files.readString(log);
                if (out.contains("Started SummitApplication") || out.contains("Application run failed")) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(out).as("the packaged app's log").contains("Created demo data", "Started SummitApplication")
                    .doesNotContain("Application run failed", "Expected DMN evaluation result");
        } finally {
            app.destroy();
            if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }
}
