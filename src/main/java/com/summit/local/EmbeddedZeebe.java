package com.summit.local;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Zeebe engine, in memory, with a gRPC gateway on a configurable port. Its state lives only as
 * long as the JVM; the reconciliation on start-up gives every open opportunity a new instance.
 */
final class EmbeddedZeebe implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedZeebe.class);

    private final int port;
    private final Duration startupTimeout;
    private ZeebeTestEngine engine;

    EmbeddedZeebe(int port, Duration startupTimeout) {
        this.port = port;
        this.startupTimeout = startupTimeout;
    }

    void checkPort() {
        Ports.requireFree(port, "embedded Zeebe gateway", "summit.local.zeebe.port");
    }

    void start() {
        long started = System.nanoTime();
        engine = EngineFactory.create(port);
        engine.start();
        awaitTopology();
        log.info("Embedded Zeebe engine ready on 127.0.0.1:{} ({} ms)", port, (System.nanoTime() - started) / 1_000_000);
    }

    /** Fails loudly when the engine does not answer: a broken stream processor otherwise shows only as time-outs. */
    private void awaitTopology() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        Exception last = null;
        try (CamundaClient client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://127.0.0.1:" + port))
                .restAddress(URI.create("http://127.0.0.1:" + port))
                .preferRestOverGrpc(false)
                .defaultRequestTimeout(Duration.ofSeconds(5))
                .build()) {
            while (System.nanoTime() < deadline) {
                try {
                    Topology topology = client.newTopologyRequest().send().join();
                    if (!topology.getBrokers().isEmpty()
                            && !topology.getBrokers().getFirst().getPartitions().isEmpty()) {
                        return;
                    }
                } catch (RuntimeException e) {
                    last = e;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("The embedded Zeebe engine on port " + port + " did not answer a topology request within "
                + startupTimeout.toSeconds() + " s" + (last == null ? "" : ": " + last.getMessage()), last);
    }

    ZeebeTestEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.stop();
        }
    }
}
