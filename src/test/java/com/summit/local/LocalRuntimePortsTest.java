package com.summit.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A port already taken stops local mode before anything starts, with one line that says which and how to change it. */
class LocalRuntimePortsTest {

    @TempDir
    Path data;

    @Test
    void aTakenEnginePortIsNamedWithItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalRuntime runtime = runtime(0, taken.getLocalPort(), free());
            assertThatThrownBy(runtime::start).isInstanceOfSatisfying(PortTakenException.class, e -> {
                assertThat(e.getMessage()).isEqualTo("Port " + taken.getLocalPort()
                        + " (embedded Zeebe gateway) is already in use; set summit.local.zeebe.port to a free port.");
                FailureAnalysis analysis = new PortTakenFailureAnalyzer().analyze(e);
                assertThat(analysis.getDescription()).doesNotContain("\n");
                assertThat(analysis.getAction()).contains("--summit.local.zeebe.port=", "SUMMIT_ZEEBE_PORT");
            });
        }
    }

    @Test
    void aTakenWebPortIsFoundBeforeTheEmbeddedPartsStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalRuntime runtime = runtime(taken.getLocalPort(), free(), free());
            assertThatThrownBy(runtime::start).isInstanceOfSatisfying(PortTakenException.class, e -> {
                assertThat(e.property()).isEqualTo("server.port");
                assertThat(new PortTakenFailureAnalyzer().analyze(e).getAction()).contains("SUMMIT_PORT");
            });
        }
        assertThat(data.resolve("postgres")).doesNotExist();
    }

    @Test
    void aTakenDatabasePortIsNamedWithItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalRuntime runtime = runtime(0, free(), taken.getLocalPort());
            assertThatThrownBy(runtime::start).isInstanceOfSatisfying(PortTakenException.class,
                    e -> assertThat(e.getMessage()).contains("embedded PostgreSQL", "summit.local.postgres.port"));
        }
    }

    private LocalRuntime runtime(int serverPort, int zeebePort, int postgresPort) {
        LocalProperties properties = new LocalProperties(data, new LocalProperties.Zeebe(zeebePort),
                new LocalProperties.Postgres(postgresPort),
                new LocalProperties.Elasticsearch(false, free(), free(), "256m", null, "summit-es"));
        return new LocalRuntime(properties, serverPort, Duration.ofSeconds(5));
    }

    private static int free() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
