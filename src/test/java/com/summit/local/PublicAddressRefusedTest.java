package com.summit.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicAddressRefusedTest {

    @Test
    void localModeWithDemoUsersStartsOnLoopbackOnly() {
        assertThatCode(() -> PublicAddressRefusedException.check("127.0.0.1", true)).doesNotThrowAnyException();
        assertThatCode(() -> PublicAddressRefusedException.check("::1", true)).doesNotThrowAnyException();
        assertThatCode(() -> PublicAddressRefusedException.check("localhost", true)).doesNotThrowAnyException();
        for (String address : new String[] {"0.0.0.0", "", "192.0.2.2", "::"}) {
            assertThatThrownBy(() -> PublicAddressRefusedException.check(address, true))
                    .isInstanceOf(PublicAddressRefusedException.class).hasMessageContaining("127.0.0.1 only");
        }
    }

    @Test
    void withoutDemoUsersAnyAddressIsTheOperatorsChoice() {
        assertThatCode(() -> PublicAddressRefusedException.check("0.0.0.0", false)).doesNotThrowAnyException();
    }

    @Test
    void theRefusalSaysHowToRunProdMode() {
        var analysis = new PublicAddressRefusedFailureAnalyzer().analyze(new PublicAddressRefusedException("0.0.0.0"));
        org.assertj.core.api.Assertions.assertThat(analysis.getAction()).contains("SPRING_PROFILES_ACTIVE=prod", "summit.demo.enabled=false");
    }
}
