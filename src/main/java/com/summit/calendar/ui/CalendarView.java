package com.summit.calendar.ui;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.ui.Cards;
import com.summit.base.ui.Errors;
import com.summit.calendar.domain.CalendarDay;
import com.summit.calendar.service.BusinessCalendar;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.summit.security.service.UserService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * For admins: the business calendar 节假日与调休. Each year's public holidays and the weekend days worked for them, from
 * the State Council's schedule; next year's added by hand or pasted in once it is published.
 */
@Route("calendar")
@Menu(title = "nav.calendar", order = 21, icon = "vaadin:calendar")
@RolesAllowed("ADMIN")
public class CalendarView extends VerticalLayout implements HasDynamicTitle {

    private final transient BusinessCalendar calendar;
    private final transient SummitUser user;
    private final transient Map<String, String> names;
    private final Select<Integer> year = new Select<>();
    private final Div filled = new Div();
    private final Grid<CalendarDay> grid = new Grid<>();

    public CalendarView(BusinessCalendar calendar, UserService users, CurrentUser currentUser) {
        this.calendar = calendar;
        this.user = currentUser.require();
        this.names = users.displayNames();
        addClassName("summit-page");

        Div listCard = Cards.card("calendar-days");
        year.setLabel(getTranslation("calendar.year"));
        year.setId("calendar-year");
        year.addValueChangeListener(e -> showYear());
        filled.setId("calendar-filled");
        filled.addClassName("summit-muted");
        HorizontalLayout head = new HorizontalLayout(new H3(getTranslation("calendar.title")), year);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.setId("calendar-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(d -> d.day().toString()).setHeader(getTranslation("calendar.day")).setAutoWidth(true);
        grid.addColumn(d -> d.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, getLocale())).setHeader(getTranslation("calendar.weekday"))
                .setAutoWidth(true);
        grid.addComponentColumn(d -> {
            Span kind = new Span(getTranslation(d.kind().messageKey()));
            kind.getElement().getThemeList().add(d.kind() == CalendarDay.Kind.HOLIDAY ? "badge success" : "badge contrast");
            return kind;
        }).setHeader(getTranslation("calendar.kind")).setAutoWidth(true);
        grid.addColumn(d -> d.name(getLocale())).setHeader(getTranslation("calendar.name")).setFlexGrow(1);
        grid.addColumn(d -> "system".equals(d.changedBy()) ? getTranslation("calendar.by.system") : names.getOrDefault(d.changedBy(), d.changedBy())).setHeader(getTranslation("calendar.changedBy")).setAutoWidth(true);
        grid.addComponentColumn(d -> {
            Button remove = new Button(getTranslation("calendar.remove"), e -> act(() -> calendar.remove(d.day(), user), "calendar.removed"));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return remove;
        }).setAutoWidth(true);
        listCard.add(head, filled, grid);

        add(listCard, dayForm(), importForm());
        fillYears(LocalDate.now(Locales.ZONE).getYear());
    }

    private Div dayForm() {
        Div card = Cards.card("calendar-set");
        card.add(new H3(getTranslation("calendar.set.title")));
        DatePicker day = new DatePicker(getTranslation("calendar.day"));
        day.setId("calendar-set-day");
        Select<CalendarDay.Kind> kind = new Select<>();
        kind.setLabel(getTranslation("calendar.kind"));
        kind.setItems(CalendarDay.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setValue(CalendarDay.Kind.HOLIDAY);
        kind.setId("calendar-set-kind");
        TextField zh = new TextField(getTranslation("calendar.nameZh"));
        zh.setMaxLength(BusinessCalendar.NAME_MAX);
        zh.setId("calendar-set-zh");
        TextField en = new TextField(getTranslation("calendar.nameEn"));
        en.setMaxLength(BusinessCalendar.NAME_EN_MAX);
        en.setId("calendar-set-en");
        Map<String, HasValidation> fields = Map.of("day", day, "kind", kind, "nameZh", zh, "nameEn", en);
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                calendar.set(day.getValue(), kind.getValue(), zh.getValue(), en.getValue(), user);
                fields.values().forEach(f -> f.setInvalid(false));
                Errors.success(getTranslation("calendar.saved", day.getValue().toString()));
                fillYears(day.getValue().getYear());
            } catch (UserFacingException ex) {
                Errors.showOnFields(this, ex, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("calendar-set-save");
        HorizontalLayout form = new HorizontalLayout(day, kind, zh, en, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        card.add(form);
        return card;
    }

    private Div importForm() {
        Div card = Cards.card("calendar-import");
        card.add(new H3(getTranslation("calendar.import.title")));
        Paragraph how = new Paragraph(getTranslation("calendar.import.how"));
        how.addClassName("summit-muted");
        TextArea rows = new TextArea();
        rows.setId("calendar-import-rows");
        rows.setWidthFull();
        rows.setMinHeight("8em");
        rows.setPlaceholder(getTranslation("calendar.import.placeholder"));
        Button add = new Button(getTranslation("calendar.import.save"), e -> {
            try {
                int count = calendar.importRows(rows.getValue(), user);
                rows.setInvalid(false);
                rows.clear();
                Errors.success(getTranslation("calendar.imported", count));
                fillYears(year.getValue());
            } catch (UserFacingException ex) {
                rows.setErrorMessage(String.join("；", Errors.texts(this, ex)));
                rows.setInvalid(true);
            }
        });
        add.setId("calendar-import-save");
        card.add(how, rows, add);
        return card;
    }

    private void fillYears(Integer show) {
        int now = LocalDate.now(Locales.ZONE).getYear();
        TreeSet<Integer> years = new TreeSet<>(calendar.yearsFilled());
        years.add(now);
        years.add(now + 1);
        year.setItems(List.copyOf(years));
        year.setValue(show == null ? now : show);
        showYear();
    }

    private void showYear() {
        Integer shown = year.getValue();
        if (shown == null) {
            return;
        }
        List<CalendarDay> days = calendar.year(shown);
        grid.setItems(days);
        List<Integer> known = calendar.yearsFilled();
        String years = known.isEmpty() ? "—" : String.join(getTranslation("workbench.list.separator"), known.stream().map(String::valueOf).toList());
        filled.setText(days.isEmpty() ? getTranslation("calendar.empty", shown, years) : getTranslation("calendar.filled", years));
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Errors.success(getTranslation(doneKey));
            fillYears(year.getValue());
        } catch (UserFacingException e) {
            Errors.show(this, e);
        }
    }


    @Override
    public String getPageTitle() {
        return getTranslation("calendar.title");
    }
}
