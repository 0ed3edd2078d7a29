package com.summit.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A benchmark through the app's own beans: local mode (embedded engine and PostgreSQL) on free ports, a fresh data
 * directory under {@code target/bench}, no Elasticsearch unless a subclass turns it on. Benchmarks run one per JVM
 * ({@code bench/*.sh}), never in {@code ./summit test}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class LocalBench {

    static final Path DATA = Path.of("target", "bench", "app-" + ProcessHandle.current().pid());
    static final int ZEEBE = TestPorts.free();
    static final int POSTGRES = TestPorts.free();

    @DynamicPropertySource
    static void localMode(DynamicPropertyRegistry registry) {
        registry.add("summit.local.data-dir", DATA::toString);
        registry.add("summit.local.zeebe.port", () -> ZEEBE);
        registry.add("summit.local.postgres.port", () -> POSTGRES);
        registry.add("summit.local.elasticsearch.enabled", () -> "false");
    }

    /** p50 and p95 in ms of {@code runs} runs of the work, after {@code warmUp} runs not counted. */
    static double[] p50p95(Runnable work, int warmUp, int runs) {
        for (int i = 0; i < warmUp; i++) {
            work.run();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            micros.add((System.nanoTime() - start) / 1000);
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {sorted[runs / 2 - 1] / 1000.0, sorted[runs * 95 / 100 - 1] / 1000.0};
    }
}
