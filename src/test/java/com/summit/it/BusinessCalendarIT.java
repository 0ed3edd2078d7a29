package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.calendar.domain.CalendarDay;
import com.summit.calendar.service.BusinessCalendar;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * China's business days from the State Council's 2026 schedule, and the admin extending the table: every bad row is
 * named by its line, in the user's language, and then nothing is stored.
 */
class BusinessCalendarIT extends LocalAppIT {

    @Autowired BusinessCalendar calendar;
    @Autowired UserService users;
    @Autowired Messages messages;

    @Test
    void the2026HolidaysAreSkippedAndTheWeekendDaysWorkedForThemCount() {
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 2, 16))).as("Spring Festival's eve, a Monday").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 2, 14))).as("Saturday worked for the Spring Festival").isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 2, 28))).as("the other Saturday worked").isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 9, 20))).as("Sunday worked for National Day").isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 6, 19))).as("Dragon Boat, a Friday").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 3, 7))).as("a plain Saturday").isFalse();
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(calendar.onOrAfter(LocalDate.of(2026, 5, 2))).isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(calendar.year(2026)).filteredOn(d -> d.kind() == CalendarDay.Kind.HOLIDAY).hasSize(33);
        assertThat(calendar.year(2026)).filteredOn(d -> d.kind() == CalendarDay.Kind.WORKDAY).extracting(CalendarDay::day).containsExactly(
                LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9),
                LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
    }

    @Test
    void anAdminPastesNextYearsScheduleAndABadRowIsNamedByItsLineWithNothingStored() {
        SummitUser admin = users.find("admin").orElseThrow();
        String bad = """
                # 2031 年（测试）
                2031-01-01,放假,元旦,New Year's Day
                2031-02-30,放假,春节,Spring Festival
                2031-01-22,上班,春节调休,Worked
                2031-03-01,休假,清明,Qingming
                2031-10-01~2031-09-30,放假,国庆节,National Day
                2031-04-05,放假,清明节
                """;
        assertThatThrownBy(() -> calendar.importRows(bad, admin)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(f -> messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments())).containsExactly(
                        "第 3 行：日期“2031-02-30”不对，请写成 2027-01-01 或 2027-01-01~2027-01-03",
                        "第 4 行：2031-01-22 是工作日，调休上班日应是周六或周日",
                        "第 5 行：类型“休假”不对，请写“放假”或“上班”",
                        "第 6 行：日期区间“2031-10-01~2031-09-30”不对：结束日期应在开始日期之后，且不超过 31 天",
                        "第 7 行：应有四项，用逗号分开：日期,类型,中文名称,英文名称"));
        assertThat(calendar.year(2031)).isEmpty();
        assertThat(calendar.isBusinessDay(LocalDate.of(2031, 1, 1))).as("a Wednesday, no row stored").isTrue();

        int added = calendar.importRows("""
                2031-01-01,放假,元旦,New Year's Day
                2031-01-25~2031-01-31,HOLIDAY,春节,Spring Festival
                2031-01-26,上班,春节调休上班,Worked for Spring Festival
                """, admin);
        assertThat(added).isEqualTo(9);
        assertThat(calendar.isBusinessDay(LocalDate.of(2031, 1, 1))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2031, 1, 26))).as("the later row of a day wins: worked").isTrue();
        assertThat(calendar.plusBusinessDays(LocalDate.of(2031, 1, 24), 2)).isEqualTo(LocalDate.of(2031, 2, 3));
        assertThat(calendar.yearsFilled()).contains(2026, 2031);
        calendar.remove(LocalDate.of(2031, 1, 1), admin);
        assertThat(calendar.isBusinessDay(LocalDate.of(2031, 1, 1))).isTrue();
    }

    @Test
    void onlyAnAdminChangesTheCalendarAndAWorkedDayMustBeAWeekendDay() {
        SummitUser admin = users.find("admin").orElseThrow();
        SummitUser owner = users.find("zhaomin").orElseThrow();
        assertThatThrownBy(() -> calendar.set(LocalDate.of(2032, 1, 1), CalendarDay.Kind.HOLIDAY, "元旦", "New Year", owner))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments()))
                        .isEqualTo("只有管理员可以修改节假日"));
        assertThatThrownBy(() -> calendar.importRows("2032-01-01,放假,元旦,New Year", owner)).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> calendar.set(LocalDate.of(2032, 1, 5), CalendarDay.Kind.WORKDAY, "调休", "Worked", admin))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f ->
                        messages.getTranslation(f.messageKey(), Locales.EN, f.arguments())).containsExactly(
                        "2032-01-05 is a weekday: a worked weekend day must be a Saturday or a Sunday"));
        assertThat(calendar.year(2032)).isEmpty();
    }
}
