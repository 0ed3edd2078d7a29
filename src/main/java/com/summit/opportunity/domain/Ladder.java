package com.summit.opportunity.domain;

import java.util.List;
import java.util.Locale;

/**
 * One element's ladder as the process owner keeps it: its name, its question, its seven checkpoints, and the
 * level from which a claim is verified by the manager (null: never).
 */
public record Ladder(ScoreElement element, String nameZh, String nameEn, String questionZh, String questionEn,
        Integer verifyFromLevel, List<Checkpoint> checkpoints) {

    public record Checkpoint(int level, String labelZh, String labelEn) {
        public String label(Locale locale) {
            return english(locale) ? labelEn : labelZh;
        }
    }

    public Ladder {
        checkpoints = List.copyOf(checkpoints);
    }

    public String name(Locale locale) {
        return english(locale) ? nameEn : nameZh;
    }

    public String question(Locale locale) {
        return english(locale) ? questionEn : questionZh;
    }

    public String checkpoint(int level, Locale locale) {
        return checkpoints.stream().filter(c -> c.level() == level).findFirst().map(c -> c.label(locale)).orElse("");
    }

    public boolean needsVerification(int fromLevel, int toLevel) {
        return verifyFromLevel != null && toLevel > fromLevel && toLevel >= verifyFromLevel;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
