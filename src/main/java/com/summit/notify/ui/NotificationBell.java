package com.summit.notify.ui;

import com.summit.base.ui.Formats;
import com.summit.base.ui.HeaderItem;
import com.summit.notify.domain.Notice;
import com.summit.notify.service.NotificationService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.List;

/**
 * The bell in the header: how many notifications are unread, and the recent ones in a dialog; a click on one
 * marks it read and opens what it is about.
 */
@org.springframework.stereotype.Component
class NotificationBell implements HeaderItem {

    private final NotificationService notifications;
    private final CurrentUser currentUser;
    private final com.summit.notify.service.NotificationWatch watch;

    NotificationBell(NotificationService notifications, CurrentUser currentUser, com.summit.notify.service.NotificationWatch watch) {
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.watch = watch;
    }

    @Override
    public Component create() {
        return new Bell();
    }

    @Override
    public void refresh(Component item) {
        if (item instanceof Bell bell) {
            bell.refreshCount();
        }
    }

    /** One bell per browser tab. */
    final class Bell extends Div {

        private final Button button = new Button(VaadinIcon.BELL.create());
        private final Span count = new Span();
        private final VerticalLayout list = new VerticalLayout();
        private final Dialog popover = new Dialog();
        /** Whose bell this is, read once in the request (a refresh from the watch runs on another thread). */
        private final SummitUser owner = currentUser.get().orElse(null);

        Bell() {
            setId("notification-bell");
            getStyle().set("position", "relative").set("display", "inline-flex");
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            button.addClassName("notification-bell-button");
            button.setAriaLabel(getTranslation("notify.bell"));
            button.setTooltipText(getTranslation("notify.bell"));
            count.setId("notification-count");
            count.getElement().getThemeList().add("badge error primary small pill");
            count.getStyle().set("position", "absolute").set("top", "0").set("right", "-4px").set("pointer-events", "none");
            add(button, count);

            list.setPadding(false);
            list.setSpacing(false);
            list.setWidth("380px");
            list.getStyle().set("max-height", "60vh").set("overflow", "auto");
            list.setId("notification-list");
            popover.setHeaderTitle(getTranslation("notify.title"));
            popover.add(list);
            popover.setId("notification-dialog");
            Button close = new Button(getTranslation("common.close"), e -> popover.close());
            close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            popover.getFooter().add(close);
            button.addClickListener(e -> {
                fill();
                popover.open();
            });
            refreshCount();
            // live: a new notification shows on the bell without a reload (Push)
            addAttachListener(attach -> {
                if (owner == null) {
                    return;
                }
                com.vaadin.flow.component.UI ui = attach.getUI();
                Runnable stop = watch.watch(owner.username(), () -> ui.access(this::refreshCount));
                addDetachListener(detach -> {
                    stop.run();
                    detach.unregisterListener();
                });
            });
        }

        void refreshCount() {
            int unread = owner == null ? 0 : notifications.unreadCount(owner);
            count.setText(unread > 99 ? "99+" : String.valueOf(unread));
            count.setVisible(unread > 0);
            button.setAriaLabel(getTranslation("notify.bell.unread", unread));
        }

        private void fill() {
            list.removeAll();
            SummitUser user = currentUser.get().orElse(null);
            if (user == null) {
                return;
            }
            List<Notice> recent = notifications.recent(user, getLocale());
            HorizontalLayout head = new HorizontalLayout();
            head.setWidthFull();
            head.setAlignItems(HorizontalLayout.Alignment.CENTER);
            Span title = new Span(getTranslation("notify.recent", recent.size()));
            title.addClassName("summit-muted");
            Button allRead = new Button(getTranslation("notify.markAllRead"), e -> {
                notifications.markAllRead(user);
                refreshCount();
                fill();
            });
            allRead.setId("notification-mark-all");
            allRead.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            allRead.setEnabled(recent.stream().anyMatch(n -> !n.read()));
            head.add(title, allRead);
            head.expand(title);
            head.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
            list.add(head);
            if (recent.isEmpty()) {
                Span none = new Span(getTranslation("notify.none"));
                none.getStyle().set("color", "var(--lumo-secondary-text-color)").set("padding", "var(--lumo-space-m)");
                list.add(none);
            }
            for (Notice notice : recent) {
                list.add(row(user, notice));
            }
        }

        private Component row(SummitUser user, Notice notice) {
            Div row = new Div();
            row.addClassName("notification-row");
            row.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("cursor", notice.link() == null ? "default" : "pointer")
                    .set("border-top", "1px solid var(--lumo-contrast-10pct)").set("width", "100%").set("box-sizing", "border-box");
            if (!notice.read()) {
                row.getStyle().set("background", "var(--lumo-primary-color-10pct)");
                row.addClassName("unread");
            }
            Div text = new Div(notice.text());
            text.getStyle().set("white-space", "pre-line").set("font-size", "var(--lumo-font-size-s)");
            Span when = new Span(Formats.dateTime(notice.createdAt()));
            when.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
            row.add(text, when);
            row.addClickListener(e -> {
                notifications.markRead(user, notice.id());
                refreshCount();
                popover.close();
                if (notice.link() != null) {
                    getUI().ifPresent(ui -> ui.navigate(notice.link()));
                }
            });
            return row;
        }
    }
}
