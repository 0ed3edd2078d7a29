package com.summit.it;

import java.io.IOException;
import java.net.ServerSocket;

/** Free ports on loopback for the embedded parts of a test run. */
public final class TestPorts {

    private TestPorts() {}

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
