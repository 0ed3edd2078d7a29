package com.summit.base.i18n;

import java.util.List;
import java.util.Locale;

/** The languages Summit speaks: Simplified Chinese first, English second. */
public final class Locales {

    public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(ZH_CN, EN);
    public static final Locale DEFAULT = ZH_CN;
    /** Summit's users work in China: dates and "today" are in China Standard Time. */
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private Locales() {}

    /** The supported locale closest to the given one (English for any English, else Chinese). */
    public static Locale supported(Locale locale) {
        if (locale != null && EN.getLanguage().equals(locale.getLanguage())) {
            return EN;
        }
        return ZH_CN;
    }

    public static Locale fromTag(String tag) {
        return tag == null || tag.isBlank() ? DEFAULT : supported(Locale.forLanguageTag(tag));
    }
}
