package com.summit.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A run that was killed leaves Elasticsearch behind with its pid file; the next start finds it,
 * stops it, and starts its own on the same port and data.
 */
class LeftoverElasticsearchIT {

    private final Path data = Path.of("target", "it-data", "leftover-" + ProcessHandle.current().pid()).toAbsolutePath();

    @Test
    void theNextStartStopsAnElasticsearchThatAKilledRunLeftBehind() throws Exception {
        LocalProperties.Elasticsearch settings = new LocalProperties.Elasticsearch(true, free(), free(), "512m",
                Path.of("target/dist/elasticsearch.zip"), "summit-es");
        LocalElasticsearch leftover = new LocalElasticsearch(data, settings);
        leftover.start();
        await(leftover, true);
        long leftoverPid = Long.parseLong(Files.readString(data.resolve("elasticsearch.pid")).trim());
        // the killed run never calls close(): its Elasticsearch keeps running with its pid file

        LocalElasticsearch next = new LocalElasticsearch(data, settings);
        next.stopLeftover();
        assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        next.checkPorts();
        try {
            next.start();
            await(next, true);
            assertThat(Long.parseLong(Files.readString(data.resolve("elasticsearch.pid")).trim())).isNotEqualTo(leftoverPid);
        } finally {
            next.close();
        }
        assertThat(data.resolve("elasticsearch.pid")).doesNotExist();
        assertThat(next.isReady()).isFalse();
    }

    private static void await(LocalElasticsearch es, boolean ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && es.isReady() != ready) {
            Thread.sleep(500);
        }
        assertThat(es.isReady()).isEqualTo(ready);
    }

    private static int free() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
