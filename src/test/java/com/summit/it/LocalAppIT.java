package com.summit.it;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app in local mode, as {@code ./summit run} starts it: the embedded engine, PostgreSQL and
 * Elasticsearch, on free ports, with a fresh data directory. Subclasses share one running app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LocalAppIT {

    static final Path DATA = Path.of("target", "it-data", "local-" + ProcessHandle.current().pid());
    static final int ZEEBE = TestPorts.free();
    static final int POSTGRES = TestPorts.free();
    static final int ES_HTTP = TestPorts.free();
    static final int ES_TRANSPORT = TestPorts.free();

    @DynamicPropertySource
    static void localMode(DynamicPropertyRegistry registry) {
        registry.add("summit.local.data-dir", DATA::toString);
        registry.add("summit.local.zeebe.port", () -> ZEEBE);
        registry.add("summit.local.postgres.port", () -> POSTGRES);
        registry.add("summit.local.elasticsearch.http-port", () -> ES_HTTP);
        registry.add("summit.local.elasticsearch.transport-port", () -> ES_TRANSPORT);
        registry.add("summit.tasklist.liveness-interval", () -> "1s");
    }
}
