package com.summit.tasklist.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Due and follow-up dates arrive in every shape the engine and FEEL write. */
class UserTaskHeadersTest {

    @Test
    void readsIsoDatesWithOffsetsZoneIdsAndFeelsAtNotation() {
        Instant expected = Instant.parse("2026-11-29T08:12:04.785Z");
        assertThat(UserTaskJobWorker.instant("2026-11-29T08:12:04.785Z")).isEqualTo(expected);
        assertThat(UserTaskJobWorker.instant("2026-11-29T16:12:04.785+08:00")).isEqualTo(expected);
        assertThat(UserTaskJobWorker.instant("2026-11-29T08:12:04.785Z[Etc/UTC]")).isEqualTo(expected);
        assertThat(UserTaskJobWorker.instant("2026-11-29T08:12:04.785@Etc/UTC")).isEqualTo(expected);
        assertThat(UserTaskJobWorker.instant("2026-11-29T16:12:04.785@Asia/Shanghai")).isEqualTo(expected);
    }

    @Test
    void ignoresWhatIsNoDate() {
        assertThat(UserTaskJobWorker.instant("next week")).isNull();
        assertThat(UserTaskJobWorker.instant("")).isNull();
    }
}
