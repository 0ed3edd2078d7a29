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
        engine = onLoopback(EngineFactory.create(port), port);
        engine.start();
        awaitTopology();
        log.info("Embedded Zeebe engine ready on 127.0.0.1:{} ({} ms)", port, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The same engine, its gateway bound to 127.0.0.1 only. {@code EngineFactory.create(port)} builds its gRPC server
     * with {@code ServerBuilder.forPort}, which listens on every interface with no authentication: anyone who reached
     * the port could start processes and complete the jobs behind inbox tasks. The engine is not started yet, so its
     * parts are taken as they are and put together again around a server built for the loopback address.
     */
    static ZeebeTestEngine onLoopback(ZeebeTestEngine created, int port) {
        try {
            Class<?> type = created.getClass();
            java.lang.reflect.Constructor<?> constructor = java.util.Arrays.stream(type.getConstructors())
                    .filter(c -> c.getParameterCount() > 0 && c.getParameterTypes()[0] == io.grpc.Server.class).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no constructor taking the gateway server"));
            Object[] parts = new Object[constructor.getParameterCount()];
            java.lang.reflect.Field[] fields = java.util.Arrays.stream(type.getDeclaredFields())
                    .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers())).toArray(java.lang.reflect.Field[]::new);
            if (fields.length != parts.length) {
                throw new IllegalStateException(type.getName() + " has " + fields.length + " fields for " + parts.length + " constructor parameters");
            }
            io.grpc.BindableService gateway = null;
            for (int i = 0; i < fields.length; i++) {
                fields[i].setAccessible(true);
                if (!constructor.getParameterTypes()[i].isAssignableFrom(fields[i].getType())) {
                    throw new IllegalStateException("field " + fields[i].getName() + " does not match parameter " + i);
                }
                parts[i] = fields[i].get(created);
                if (parts[i] instanceof io.grpc.BindableService service) {
                    gateway = service;
                }
            }
            if (gateway == null) {
                throw new IllegalStateException("no gateway service among the engine's parts");
            }
            parts[0] = io.grpc.netty.NettyServerBuilder
                    .forAddress(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port))
                    .addService(gateway).build();
            return (ZeebeTestEngine) constructor.newInstance(parts);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot bind the embedded Zeebe gateway to 127.0.0.1 with this version of "
                    + "zeebe-process-test-engine; refusing to listen on every interface", e);
        }
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
