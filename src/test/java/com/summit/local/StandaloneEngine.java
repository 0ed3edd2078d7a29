package com.summit.local;

import java.time.Duration;

/**
 * The embedded engine in a JVM of its own, behind its gRPC gateway on 127.0.0.1: what prod mode's tests talk to over
 * the network, through the same client path as a Camunda 8 cluster. It prints {@code READY <port>} once the engine
 * answers a topology request, and stops when its standard input closes (the test that started it is done or gone).
 */
public final class StandaloneEngine {

    private StandaloneEngine() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        EmbeddedZeebe engine = new EmbeddedZeebe(port, Duration.ofSeconds(60));
        engine.start();
        System.out.println("READY " + port);
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // until the parent closes the pipe
            }
        } finally {
            engine.close();
        }
    }
}
