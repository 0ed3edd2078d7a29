package com.summit.base.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the UI writes times and money: China time, CNY. */
public final class Formats {

    /** Summit's users work in China; times show in China Standard Time. */
    public static final ZoneId ZONE = com.summit.base.i18n.Locales.ZONE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);

    private Formats() {}

    public static String dateTime(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    public static String date(Instant instant) {
        return instant == null ? "—" : DATE.format(instant);
    }

    public static String date(java.time.LocalDate date) {
        return date == null ? "—" : java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }

    public static String cny(BigDecimal amount) {
        return amount == null ? "—" : NumberFormat.getCurrencyInstance(Locale.CHINA).format(amount);
    }

    /** A file size the way people read it: 812 B, 45.3 KB, 2.1 MB. */
    public static String fileSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
