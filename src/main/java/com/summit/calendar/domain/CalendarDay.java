package com.summit.calendar.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A day that differs from the plain Monday-to-Friday week: a public holiday, or a weekend day worked in its place (调休). */
public record CalendarDay(LocalDate day, Kind kind, String nameZh, String nameEn, String changedBy, Instant changedAt) {

    public enum Kind {
        HOLIDAY,
        WORKDAY;

        public String messageKey() {
            return "calendar.kind." + name();
        }
    }

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
