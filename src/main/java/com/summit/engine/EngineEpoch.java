package com.summit.engine;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which engine the process state lives in. The embedded engine keeps its state in memory, so each
 * start of local mode is a new epoch, and every instance or job of an earlier epoch is gone. A real
 * cluster keeps its state, so prod mode has one epoch per cluster.
 */
@Component
public class EngineEpoch {

    private final String value;
    private final boolean embedded;

    EngineEpoch(@Value("${summit.mode:local}") String mode, @Value("${summit.engine.cluster-id:prod}") String clusterId) {
        this.embedded = !"prod".equals(mode);
        this.value = embedded ? "local-" + UUID.randomUUID() : "cluster-" + clusterId;
    }

    public String value() {
        return value;
    }

    /** True when the engine's state lives only as long as this JVM. */
    public boolean embedded() {
        return embedded;
    }
}
