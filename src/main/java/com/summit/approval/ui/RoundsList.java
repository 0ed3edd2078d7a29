package com.summit.approval.ui;

import com.summit.approval.domain.ApprovalReview;
import com.summit.approval.domain.ApprovalRound;
import com.summit.approval.domain.Decision;
import com.summit.base.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/** Approval rounds as a compact history: each round's outcome, and each department's decision with its reason. */
final class RoundsList {

    private RoundsList() {}

    /** A round; reviews for which {@code hidden} holds show that their decision is not shown yet. */
    static Component round(Component context, ApprovalRound round, Function<String, String> department, Map<String, String> names,
            java.util.function.Predicate<ApprovalReview> hidden) {
        Div box = new Div();
        box.addClassName("summit-round");
        box.getStyle().set("margin", "var(--lumo-space-xs) 0 var(--lumo-space-s)");
        Div head = new Div();
        Span title = new Span(context.getTranslation("approval.round.title", round.number()));
        title.getStyle().set("font-weight", "600");
        Span outcome = badge(context.getTranslation("approval.outcome." + round.outcome().name()), switch (round.outcome()) {
            case APPROVED -> "success";
            case VETOED -> "error";
            case RUNNING -> "contrast";
        });
        Span when = muted(Formats.dateTime(round.startedAt()));
        head.add(title, new Span(" "), outcome, new Span(" "), when);
        box.add(head);
        if (round.reworkNote() != null) {
            Div note = new Div(new Span(context.getTranslation("approval.round.reworkNote", round.reworkNote())));
            note.getStyle().set("font-size", "var(--lumo-font-size-s)");
            box.add(note);
        }
        for (ApprovalReview review : round.reviews()) {
            box.add(review(context, review, department, names, round.outcome() == ApprovalRound.Outcome.RUNNING, hidden.test(review)));
        }
        return box;
    }

    static Component review(Component context, ApprovalReview review, Function<String, String> department, Map<String, String> names,
            boolean running, boolean hidden) {
        Div line = new Div();
        line.addClassName("summit-review-line");
        line.getStyle().set("padding-left", "var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-s)");
        String who = department.apply(review.department())
                + ("HEAD".equals(review.level()) ? context.getTranslation("approval.level.HEAD.suffix") : "");
        line.add(new Span(context.getTranslation("approval.review.who", who)));
        if (review.decided()) {
            line.add(badge(context.getTranslation("approval.decision." + review.decision().name()),
                    review.decision() == Decision.VETO ? "error" : review.decision() == Decision.APPROVE ? "success" : "contrast"));
            if (review.reason() != null) {
                line.add(new Span(" " + review.reason()));
            }
            if (review.conditions() != null) {
                line.add(new Span(" " + context.getTranslation("approval.review.conditions", review.conditions())));
            }
            line.add(muted(" — " + names.getOrDefault(review.decidedBy(), review.decidedBy()) + " · " + Formats.dateTime(review.decidedAt())));
        } else if (hidden) {
            line.add(muted(context.getTranslation("approval.review.hiddenUntilDecided")));
        } else if (running) {
            line.add(muted(context.getTranslation("approval.review.waiting", Formats.dateTime(review.dueAt()))));
            if (review.escalatedAt() != null) {
                line.add(new Span(" "), badge(context.getTranslation("approval.review.escalated"), "error"));
            } else if (review.dueAt() != null && review.dueAt().isBefore(Instant.now())) {
                line.add(new Span(" "), badge(context.getTranslation("approval.review.overdue"), "error"));
            }
        } else {
            line.add(muted(context.getTranslation("approval.review.notDecided")));
        }
        return line;
    }

    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(("badge small " + theme).strip());
        return badge;
    }

    static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("summit-muted");
        span.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return span;
    }
}
