package com.summit.calendar.service;

import com.summit.base.FieldError;
import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.calendar.domain.CalendarDay;
import com.summit.calendar.domain.CalendarDayRepository;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * China's business days: Monday to Friday, except the public holidays, plus the weekend days worked in their place
 * (调休), from the table an admin keeps (filled with the State Council's schedule). Follow-up cadences and approval
 * deadlines count on it. A year with no rows counts as a plain week, and the admin page says which years are filled.
 */
@Service
public class BusinessCalendar {

    public static final int NAME_MAX = 40;
    public static final int NAME_EN_MAX = 60;
    public static final int ROWS_MAX = 400;
    private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);

    private final CalendarDayRepository days;
    /** The rows as last read, and when: a change here is read again after its commit, one on another replica within {@link #FRESH}. */
    private volatile Map<LocalDate, CalendarDay.Kind> exceptions;
    private volatile long readAt;
    static final long FRESH = java.time.Duration.ofMinutes(5).toNanos();

    BusinessCalendar(CalendarDayRepository days) {
        this.days = days;
    }

    /** Whether work is done that day: a weekday that is no holiday, or a weekend day worked for one. */
    public boolean isBusinessDay(LocalDate day) {
        CalendarDay.Kind kind = exceptions().get(day);
        if (kind != null) {
            return kind == CalendarDay.Kind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The day that many business days after {@code from} (0: {@code from} itself, or the next business day if it is none). */
    public LocalDate plusBusinessDays(LocalDate from, int count) {
        LocalDate at = from;
        if (count <= 0) {
            while (!isBusinessDay(at)) {
                at = at.plusDays(1);
            }
            return at;
        }
        int added = 0;
        while (added < count) {
            at = at.plusDays(1);
            if (isBusinessDay(at)) {
                added++;
            }
        }
        return at;
    }

    /** A moment plus that many business days, at the same time of day, in China's time zone. */
    public Instant plusBusinessDays(Instant from, int count) {
        ZonedDateTime at = from.atZone(Locales.ZONE);
        return plusBusinessDays(at.toLocalDate(), count).atTime(at.toLocalTime()).atZone(Locales.ZONE).toInstant();
    }

    /** The first business day on or after the day. */
    public LocalDate onOrAfter(LocalDate day) {
        return plusBusinessDays(day, 0);
    }

    /** The holidays and worked weekend days of a year, by date. */
    public List<CalendarDay> year(int year) {
        return days.year(year);
    }

    /** The years that have rows: their plain weeks are known to be corrected. */
    public List<Integer> yearsFilled() {
        return exceptions().keySet().stream().map(LocalDate::getYear).distinct().sorted().toList();
    }

    /** An admin sets one day: a holiday, or a weekend day worked. Refused with a reason, in the user's language. */
    @Transactional
    public void set(LocalDate day, CalendarDay.Kind kind, String nameZh, String nameEn, SummitUser user) {
        mayChange(user);
        List<FieldError> errors = new ArrayList<>();
        Row row = check(day, kind, nameZh, nameEn, errors, null);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        days.upsert(row.day(), row.kind(), row.nameZh(), row.nameEn(), user.username());
        log.info("{} set {} as {} ({})", user.username(), day, kind, row.nameZh());
        reloadAfterCommit();
    }

    @Transactional
    public void remove(LocalDate day, SummitUser user) {
        mayChange(user);
        if (days.delete(day) == 0) {
            throw new UserFacingException("calendar.error.notFound", day.toString());
        }
        log.info("{} removed {} from the business calendar", user.username(), day);
        reloadAfterCommit();
    }

    /**
     * Adds many rows at once, as pasted from the published schedule: one per line, {@code date,kind,中文名,English name},
     * where the date may be a range {@code 2027-02-05~2027-02-13} and the kind is HOLIDAY/放假 or WORKDAY/上班. Every bad
     * line is reported with its number, and then nothing is stored.
     */
    @Transactional
    public int importRows(String text, SummitUser user) {
        mayChange(user);
        List<FieldError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            String[] cells = line.split("\\s*[,，\\t]\\s*", -1);
            if (cells.length != 4) {
                errors.add(new FieldError("rows", null, "calendar.error.row.cells", number));
                continue;
            }
            List<LocalDate> range = range(cells[0], number, errors);
            CalendarDay.Kind kind = kind(cells[1]);
            if (kind == null) {
                errors.add(new FieldError("rows", null, "calendar.error.row.kind", number, cells[1]));
                continue;
            }
            for (LocalDate day : range) {
                rows.add(check(day, kind, cells[2], cells[3], errors, number));
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("rows", null, "calendar.error.row.none"));
        }
        if (rows.size() > ROWS_MAX) {
            errors.add(new FieldError("rows", null, "calendar.error.row.tooMany", ROWS_MAX));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        rows.forEach(r -> days.upsert(r.day(), r.kind(), r.nameZh(), r.nameEn(), user.username()));
        log.info("{} imported {} business calendar days", user.username(), rows.size());
        reloadAfterCommit();
        return rows.size();
    }

    private record Row(LocalDate day, CalendarDay.Kind kind, String nameZh, String nameEn) {}

    private static Row check(LocalDate day, CalendarDay.Kind kind, String nameZh, String nameEn, List<FieldError> errors, Integer line) {
        String zh = nameZh == null ? "" : nameZh.strip();
        String en = nameEn == null ? "" : nameEn.strip();
        String field = line == null ? null : "rows";
        if (day == null) {
            errors.add(new FieldError(field == null ? "day" : field, null, "calendar.error.dayRequired"));
        }
        if (kind == null) {
            errors.add(new FieldError(field == null ? "kind" : field, null, "calendar.error.kindRequired"));
        }
        if (day != null && kind == CalendarDay.Kind.WORKDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            errors.add(line == null ? new FieldError("day", null, "calendar.error.workdayOnWeekday", day.toString())
                    : new FieldError("rows", null, "calendar.error.row.workdayOnWeekday", line, day.toString()));
        }
        if (zh.isEmpty() || en.isEmpty()) {
            errors.add(line == null ? new FieldError(zh.isEmpty() ? "nameZh" : "nameEn", null, "calendar.error.nameRequired")
                    : new FieldError("rows", null, "calendar.error.row.name", line));
        } else if (zh.codePointCount(0, zh.length()) > NAME_MAX || en.length() > NAME_EN_MAX) {
            errors.add(new FieldError(field == null ? "nameZh" : field, null, "calendar.error.nameTooLong", NAME_MAX, NAME_EN_MAX));
        }
        if (day != null && (day.getYear() < 2000 || day.getYear() > 2100)) {
            errors.add(new FieldError(field == null ? "day" : field, null, "calendar.error.year", day.toString()));
        }
        return new Row(day, kind, zh, en);
    }

    private static List<LocalDate> range(String cell, int line, List<FieldError> errors) {
        String[] ends = cell.split("\\s*[~～至]\\s*");
        try {
            LocalDate from = LocalDate.parse(ends[0].strip());
            LocalDate to = ends.length > 1 ? LocalDate.parse(ends[1].strip()) : from;
            if (ends.length > 2 || to.isBefore(from) || to.isAfter(from.plusDays(31))) {
                errors.add(new FieldError("rows", null, "calendar.error.row.range", line, cell));
                return List.of();
            }
            return from.datesUntil(to.plusDays(1)).toList();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("rows", null, "calendar.error.row.date", line, cell));
            return List.of();
        }
    }

    private static CalendarDay.Kind kind(String cell) {
        return switch (cell.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "HOLIDAY", "放假", "休" -> CalendarDay.Kind.HOLIDAY;
            case "WORKDAY", "上班", "班" -> CalendarDay.Kind.WORKDAY;
            default -> null;
        };
    }

    private Map<LocalDate, CalendarDay.Kind> exceptions() {
        Map<LocalDate, CalendarDay.Kind> known = exceptions;
        if (known == null || System.nanoTime() - readAt > FRESH) {
            known = reload();
        }
        return known;
    }

    private Map<LocalDate, CalendarDay.Kind> reload() {
        Map<LocalDate, CalendarDay.Kind> loaded = new HashMap<>();
        days.all().forEach(d -> loaded.put(d.day(), d.kind()));
        Map<LocalDate, CalendarDay.Kind> copy = Map.copyOf(loaded);
        exceptions = copy;
        readAt = System.nanoTime();
        return copy;
    }

    /** After the change's commit, so that no other thread counts on a row that could still roll back. */
    private void reloadAfterCommit() {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            reload();
                        }
                    });
        } else {
            reload();
        }
    }

    private static void mayChange(SummitUser user) {
        if (!user.has(Role.ADMIN)) {
            throw new UserFacingException("calendar.error.forbidden");
        }
    }
}
