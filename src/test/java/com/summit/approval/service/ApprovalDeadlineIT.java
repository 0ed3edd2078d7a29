package com.summit.approval.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.base.i18n.Locales;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A review's deadline counts China's business days (DMN review-deadline, then the business calendar): the National Day
 * week and the Spring Festival are skipped, and the Saturdays worked in their place (调休) count.
 */
class ApprovalDeadlineIT extends com.summit.it.LocalAppIT {

    @Autowired ApprovalRounds rounds;

    @Test
    void aStrategicReviewSubmittedBeforeNationalDayIsDueAfterTheHolidayWeek() {
        // strategic, reviewer: 1 business day to review, then 1 more before it goes to the department head
        Instant[] deadline = rounds.deadline("STRATEGIC", "REVIEWER", at(2026, 9, 30, 10, 0));
        assertThat(deadline[0]).as("due on Thursday 8 October, the first business day after 1–7 October").isEqualTo(at(2026, 10, 8, 10, 0));
        assertThat(deadline[1]).as("escalated on Friday 9 October").isEqualTo(at(2026, 10, 9, 10, 0));
    }

    @Test
    void theSaturdaysWorkedForAHolidayCountAndTheHolidayDoesNot() {
        Instant[] deadline = rounds.deadline("STRATEGIC", "REVIEWER", at(2026, 2, 13, 15, 0));
        assertThat(deadline[0]).as("Saturday 14 February is worked").isEqualTo(at(2026, 2, 14, 15, 0));
        assertThat(deadline[1]).as("15–23 February are off: Tuesday 24 February").isEqualTo(at(2026, 2, 24, 15, 0));
        // important, reviewer: 2 days; from Friday 8 May: Saturday 9 May is worked, then Monday 11 May
        assertThat(rounds.deadline("IMPORTANT", "REVIEWER", at(2026, 5, 8, 9, 0))[0]).isEqualTo(at(2026, 5, 11, 9, 0));
    }

    private static Instant at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(Locales.ZONE).toInstant();
    }
}
