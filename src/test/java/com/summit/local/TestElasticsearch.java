package com.summit.local;

import java.nio.file.Path;
import java.time.Duration;

/** Starts the same local Elasticsearch that local mode uses, for tests that need one on their own schedule. */
public final class TestElasticsearch implements AutoCloseable {

    private final LocalElasticsearch elasticsearch;

    public TestElasticsearch(Path dataDir, int httpPort, int transportPort) {
        this.elasticsearch = new LocalElasticsearch(dataDir, new LocalProperties.Elasticsearch(true, httpPort, transportPort,
                "512m", Path.of("target/dist/elasticsearch.zip"), "summit-es"));
    }

    public TestElasticsearch start() {
        elasticsearch.start();
        return this;
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (elasticsearch.isReady()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    @Override
    public void close() {
        elasticsearch.close();
    }
}
