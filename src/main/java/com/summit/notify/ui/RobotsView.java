package com.summit.notify.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Cards;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.notify.domain.Channel;
import com.summit.notify.domain.Delivery;
import com.summit.notify.domain.NoticeEvent;
import com.summit.notify.domain.Robot;
import com.summit.notify.service.NotificationSettings;
import com.summit.notify.service.RobotAdministration;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * For admins: the team's WeCom and DingTalk robots with the events each gets and a test message that shows the robot's
 * own answer; and the notifications that could not be delivered, with the channel's answer and "send again".
 */
@Route("robots")
@Menu(title = "nav.robots", order = 22, icon = "vaadin:comments-o")
@RolesAllowed("ADMIN")
public class RobotsView extends VerticalLayout implements HasDynamicTitle {

    private final transient RobotAdministration robots;
    private final transient NotificationSettings settings;
    private final transient SummitUser user;
    private final Div listCard = Cards.card("robots-list");
    private final Div failedCard = Cards.card("robots-failed");

    public RobotsView(RobotAdministration robots, NotificationSettings settings, CurrentUser currentUser) {
        this.robots = robots;
        this.settings = settings;
        this.user = currentUser.require();
        addClassName("summit-page");
        add(listCard, addCard(), failedCard);
        render();
    }

    private void render() {
        listCard.removeAll();
        listCard.add(new H3(getTranslation("robot.title")));
        List<Robot> all = robots.robots(user);
        if (all.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("robot.none"));
            none.setId("robots-none");
            listCard.add(none);
        }
        for (Robot robot : all) {
            listCard.add(robotRow(robot));
        }
        failedCard.removeAll();
        var counts = robots.counts(user);
        failedCard.add(new H3(getTranslation("robot.failed.title")));
        Span summary = new Span(getTranslation("robot.failed.summary", counts.pending(), counts.sent(), counts.failed()));
        summary.setId("robots-outbox-summary");
        failedCard.add(summary);
        List<Delivery> failed = robots.failed(user);
        if (failed.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("robot.failed.none"));
            none.setId("robots-failed-none");
            failedCard.add(none);
            return;
        }
        Grid<Delivery> grid = new Grid<>();
        grid.setId("robots-failed-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(d -> getTranslation(d.channel().messageKey())).setHeader(getTranslation("robot.failed.channel")).setAutoWidth(true);
        grid.addColumn(d -> d.recipient() != null ? d.recipient() : robotName(all, d.robotId())).setHeader(getTranslation("robot.failed.to"))
                .setAutoWidth(true);
        grid.addColumn(Delivery::subject).setHeader(getTranslation("robot.failed.subject")).setFlexGrow(1);
        grid.addColumn(Delivery::attempts).setHeader(getTranslation("robot.failed.attempts")).setAutoWidth(true);
        grid.addColumn(d -> Formats.dateTime(d.createdAt())).setHeader(getTranslation("robot.failed.at")).setAutoWidth(true);
        grid.addColumn(d -> d.lastError() + (d.lastResponse() == null ? "" : " · " + d.lastResponse())).setHeader(getTranslation("robot.failed.answer"))
                .setFlexGrow(2).setTooltipGenerator(d -> d.lastResponse() == null ? d.lastError() : d.lastResponse());
        grid.addComponentColumn(d -> {
            Button again = new Button(getTranslation("robot.failed.again"), e -> act(() -> robots.sendAgain(d.id(), user), "robot.failed.queued"));
            again.addThemeVariants(ButtonVariant.LUMO_SMALL);
            again.setId("robots-again-" + d.id());
            return again;
        }).setAutoWidth(true);
        grid.setItems(failed);
        failedCard.add(grid);
    }

    private Div robotRow(Robot robot) {
        Span name = new Span(robot.name() + " · " + getTranslation(robot.kind().messageKey()));
        name.getStyle().set("font-weight", "600");
        MultiSelectComboBox<NoticeEvent> events = eventsBox();
        events.setValue(robot.events());
        events.setId("robot-events-" + robot.id());
        Checkbox enabled = new Checkbox(getTranslation("robot.enabled"), robot.enabled());
        enabled.setId("robot-enabled-" + robot.id());
        Button save = new Button(getTranslation("common.save"), e -> act(() -> robots.update(robot.id(), robot.name(), events.getValue(),
                enabled.getValue(), user), "robot.saved"));
        save.setId("robot-save-" + robot.id());
        Span answer = new Span();
        answer.setId("robot-test-answer-" + robot.id());
        Button test = new Button(getTranslation("robot.test"), e -> {
            try {
                var result = robots.test(robot.id(), user);
                answer.setText(result.sent() ? getTranslation("robot.test.sent")
                        : getTranslation("robot.test.failed", getTranslation(robot.kind().messageKey()), result.error()));
                answer.getStyle().set("color", result.sent() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            } catch (UserFacingException ex) {
                Errors.show(this, ex);
            }
        });
        test.setId("robot-test-" + robot.id());
        Button remove = new Button(getTranslation("robot.remove"), e -> act(() -> robots.remove(robot.id(), user), "robot.removed"));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout row = new HorizontalLayout(name, events, enabled, save, test, remove);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        Div box = new Div(row, answer);
        box.addClassName("summit-robot");
        box.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-top", "1px solid var(--lumo-contrast-10pct)");
        return box;
    }

    private Div addCard() {
        Div card = Cards.card("robots-add");
        card.add(new H3(getTranslation("robot.add.title")));
        Select<Channel> kind = new Select<>();
        kind.setLabel(getTranslation("robot.kind"));
        kind.setItems(Channel.WECOM, Channel.DINGTALK);
        kind.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        kind.setValue(Channel.WECOM);
        kind.setId("robot-add-kind");
        TextField name = new TextField(getTranslation("robot.name"));
        name.setMaxLength(RobotAdministration.NAME_MAX);
        name.setId("robot-add-name");
        TextField webhook = new TextField(getTranslation("robot.webhook"));
        webhook.setWidth("34em");
        webhook.setPlaceholder("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…");
        webhook.setId("robot-add-webhook");
        PasswordField secret = new PasswordField(getTranslation("robot.secret"));
        secret.setHelperText(getTranslation("robot.secret.help"));
        secret.setVisible(false);
        secret.setId("robot-add-secret");
        kind.addValueChangeListener(e -> {
            secret.setVisible(e.getValue() == Channel.DINGTALK);
            webhook.setPlaceholder(e.getValue() == Channel.DINGTALK ? "https://oapi.dingtalk.com/robot/send?access_token=…"
                    : "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…");
        });
        MultiSelectComboBox<NoticeEvent> events = eventsBox();
        events.setId("robot-add-events");
        Map<String, HasValidation> fields = Map.of("kind", kind, "name", name, "webhook", webhook, "secret", secret);
        Button add = new Button(getTranslation("robot.add"), e -> {
            try {
                robots.add(kind.getValue(), name.getValue(), webhook.getValue(), secret.getValue(), events.getValue(), user);
                fields.values().forEach(f -> f.setInvalid(false));
                name.clear();
                webhook.clear();
                secret.clear();
                Errors.success(getTranslation("robot.added"));
                render();
            } catch (UserFacingException ex) {
                Errors.showOnFields(this, ex, fields);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("robot-add");
        HorizontalLayout row = new HorizontalLayout(kind, name, webhook, secret, events, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        card.add(row);
        return card;
    }

    private MultiSelectComboBox<NoticeEvent> eventsBox() {
        MultiSelectComboBox<NoticeEvent> events = new MultiSelectComboBox<>(getTranslation("robot.events"));
        events.setItems(settings.events());
        events.setItemLabelGenerator(e -> getTranslation(e.messageKey()));
        events.setWidth("24em");
        return events;
    }

    private String robotName(List<Robot> all, Long id) {
        return all.stream().filter(r -> id != null && r.id() == id).map(Robot::name).findFirst().orElse("—");
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Errors.success(getTranslation(doneKey));
            render();
        } catch (UserFacingException e) {
            Errors.show(this, e);
        }
    }


    @Override
    public String getPageTitle() {
        return getTranslation("robot.title");
    }
}
