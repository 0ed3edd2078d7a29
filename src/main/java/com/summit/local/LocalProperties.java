package com.summit.local;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of local mode ({@code summit.local.*}); every port is configurable. */
@ConfigurationProperties("summit.local")
public record LocalProperties(Path dataDir, Zeebe zeebe, Postgres postgres, Elasticsearch elasticsearch) {

    public record Zeebe(int port) {}

    public record Postgres(int port) {}

    public record Elasticsearch(
            boolean enabled, int httpPort, int transportPort, String heap, Path distribution, String runAsUser) {}
}
