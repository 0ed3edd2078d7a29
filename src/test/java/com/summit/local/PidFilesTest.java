package com.summit.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pid file left by a killed run is recognised, also PostgreSQL's multi-line postmaster.pid. */
class PidFilesTest {

    @TempDir
    Path dir;

    @Test
    void findsTheLiveProcessOfAMultiLinePidFile() throws Exception {
        long self = ProcessHandle.current().pid();
        Path pidFile = dir.resolve("postmaster.pid");
        Files.writeString(pidFile, self + "\n/work/main/data/postgres\n1763798400\n15432\n/tmp\n127.0.0.1\n");
        assertThat(PidFiles.liveProcess(pidFile, "java")).map(ProcessHandle::pid).contains(self);
    }

    @Test
    void ignoresAProcessThatIsNotTheOneNamed() throws Exception {
        Path pidFile = dir.resolve("elasticsearch.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        assertThat(PidFiles.liveProcess(pidFile, "no-such-program-name")).isEmpty();
    }

    @Test
    void ignoresAMissingOrBrokenPidFile() throws Exception {
        assertThat(PidFiles.liveProcess(dir.resolve("none.pid"), "java")).isEmpty();
        Path broken = dir.resolve("broken.pid");
        Files.writeString(broken, "not a pid");
        assertThat(PidFiles.liveProcess(broken, "java")).isEmpty();
    }
}
