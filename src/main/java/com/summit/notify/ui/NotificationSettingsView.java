package com.summit.notify.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Cards;
import com.summit.base.ui.Errors;
import com.summit.notify.domain.Channel;
import com.summit.notify.domain.NoticeEvent;
import com.summit.notify.service.NotificationSettings;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Each person's own notification settings: per event, the channels they hear it on, and where those channels reach them. */
@Route("settings/notifications")
@Menu(title = "nav.notifySettings", order = 30, icon = "vaadin:bell-o")
@PermitAll
public class NotificationSettingsView extends VerticalLayout implements HasDynamicTitle {

    private final transient NotificationSettings settings;
    private final transient SummitUser user;

    public NotificationSettingsView(NotificationSettings settings, CurrentUser currentUser) {
        this.settings = settings;
        this.user = currentUser.require();
        addClassName("summit-page");
        add(addressCard(), matrixCard());
    }

    private Div addressCard() {
        Div card = Cards.card("notify-addresses");
        card.add(new H3(getTranslation("notify.settings.addresses")));
        var addresses = settings.addresses(user);
        EmailField email = new EmailField(getTranslation("notify.settings.email"));
        email.setValue(addresses.email() == null ? "" : addresses.email());
        email.setId("notify-email");
        email.setWidth("18em");
        TextField wecom = new TextField(getTranslation("notify.settings.wecomId"));
        wecom.setValue(addresses.wecomId() == null ? "" : addresses.wecomId());
        wecom.setHelperText(getTranslation("notify.settings.wecomId.help"));
        wecom.setId("notify-wecom-id");
        TextField dingtalk = new TextField(getTranslation("notify.settings.dingtalkId"));
        dingtalk.setValue(addresses.dingtalkId() == null ? "" : addresses.dingtalkId());
        dingtalk.setHelperText(getTranslation("notify.settings.dingtalkId.help"));
        dingtalk.setId("notify-dingtalk-id");
        Map<String, HasValidation> fields = Map.of("email", email, "wecomId", wecom, "dingtalkId", dingtalk);
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                settings.setAddresses(user, email.getValue(), wecom.getValue(), dingtalk.getValue());
                fields.values().forEach(f -> f.setInvalid(false));
                Errors.success(getTranslation("notify.settings.saved"));
            } catch (UserFacingException ex) {
                Errors.showOnFields(this, ex, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("notify-addresses-save");
        HorizontalLayout row = new HorizontalLayout(email, wecom, dingtalk, save);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        card.add(row);
        return card;
    }

    private Div matrixCard() {
        Div card = Cards.card("notify-matrix");
        card.add(new H3(getTranslation("notify.settings.matrix")));
        Set<Channel> available = settings.available();
        Paragraph intro = new Paragraph(getTranslation("notify.settings.intro"));
        intro.addClassName("summit-muted");
        card.add(intro);
        List<String> missing = java.util.Arrays.stream(Channel.values()).filter(c -> !available.contains(c)).map(c -> getTranslation(c.messageKey()))
                .toList();
        if (!missing.isEmpty()) {
            Paragraph off = new Paragraph(getTranslation("notify.settings.unavailable", String.join(getTranslation("workbench.list.separator"), missing)));
            off.addClassName("summit-muted");
            off.setId("notify-unavailable");
            card.add(off);
        }
        Map<NoticeEvent, Map<Channel, Boolean>> matrix = settings.matrix(user);
        Grid<NoticeEvent> grid = new Grid<>();
        grid.setId("notify-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> getTranslation(e.messageKey())).setHeader(getTranslation("notify.settings.event")).setFlexGrow(2);
        for (Channel channel : Channel.values()) {
            grid.addComponentColumn(event -> {
                Checkbox box = new Checkbox(matrix.get(event).get(channel));
                box.setId("notify-" + event.name() + "-" + channel.name());
                box.setAriaLabel(getTranslation(event.messageKey()) + " · " + getTranslation(channel.messageKey()));
                box.setEnabled(available.contains(channel));
                box.addValueChangeListener(v -> {
                    if (v.isFromClient()) {
                        settings.choose(user, event, channel, v.getValue());
                        Errors.success(getTranslation(v.getValue() ? "notify.settings.on" : "notify.settings.off",
                                getTranslation(event.messageKey()), getTranslation(channel.messageKey())));
                    }
                });
                return box;
            }).setHeader(getTranslation(channel.messageKey())).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(settings.events());
        card.add(grid);
        return card;
    }


    @Override
    public String getPageTitle() {
        return getTranslation("notify.settings.title");
    }
}
