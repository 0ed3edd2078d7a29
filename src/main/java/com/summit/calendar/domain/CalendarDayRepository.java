package com.summit.calendar.domain;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CalendarDayRepository {

    private static final String COLUMNS = "day, kind, name_zh, name_en, changed_by, changed_at";

    private final JdbcClient jdbc;

    CalendarDayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CalendarDay> all() {
        return jdbc.sql("select " + COLUMNS + " from business_calendar_day order by day").query(this::map).list();
    }

    public List<CalendarDay> year(int year) {
        return jdbc.sql("select " + COLUMNS + " from business_calendar_day where day >= :from and day < :to order by day")
                .param("from", Date.valueOf(LocalDate.of(year, 1, 1))).param("to", Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .query(this::map).list();
    }

    public void upsert(LocalDate day, CalendarDay.Kind kind, String nameZh, String nameEn, String by) {
        jdbc.sql("""
                insert into business_calendar_day (day, kind, name_zh, name_en, changed_by) values (:d, :k, :zh, :en, :by)
                on conflict (day) do update set kind = :k, name_zh = :zh, name_en = :en, changed_by = :by, changed_at = now()""")
                .param("d", Date.valueOf(day)).param("k", kind.name()).param("zh", nameZh).param("en", nameEn).param("by", by).update();
    }

    public int delete(LocalDate day) {
        return jdbc.sql("delete from business_calendar_day where day = :d").param("d", Date.valueOf(day)).update();
    }

    private CalendarDay map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CalendarDay(rs.getDate("day").toLocalDate(), CalendarDay.Kind.valueOf(rs.getString("kind")), rs.getString("name_zh"),
                rs.getString("name_en"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
    }
}
