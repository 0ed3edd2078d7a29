package com.summit.opportunity.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.opportunity.domain.Ladder;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The process owner keeps the five ladders: each checkpoint's wording in both languages, and which claims are verified. */
@Route("ladders")
@Menu(title = "nav.ladders", order = 8, icon = "vaadin:stairs")
@RolesAllowed({"PROCESS_OWNER", "ADMIN"})
public class LaddersView extends VerticalLayout implements HasDynamicTitle {

    private final transient ScorecardService scorecards;
    private final transient SummitUser user;

    public LaddersView(ScorecardService scorecards, CurrentUser currentUser) {
        this.scorecards = scorecards;
        this.user = currentUser.require();
        addClassName("summit-page");
        render();
    }

    private void render() {
        removeAll();
        add(new Paragraph(getTranslation("ladder.intro")));
        for (Ladder ladder : scorecards.ladders()) {
            Div card = new Div(new H3(ladder.name(getLocale()) + " · " + ladder.question(getLocale())));
            card.addClassName("summit-card");
            card.setWidthFull();
            card.getStyle().set("box-sizing", "border-box");
            card.setId("ladder-edit-" + ladder.element().name());
            Select<Integer> verify = new Select<>();
            verify.setLabel(getTranslation("ladder.verifyFrom"));
            verify.setItems(0, 1, 2, 3, 4, 5, 6);
            verify.setItemLabelGenerator(l -> l == 0 ? getTranslation("ladder.never") : String.valueOf(l));
            verify.setValue(ladder.verifyFromLevel() == null ? 0 : ladder.verifyFromLevel());
            card.add(verify);
            for (Ladder.Checkpoint checkpoint : ladder.checkpoints()) {
                TextField zh = new TextField(getTranslation("ladder.labelZh"));
                zh.setValue(checkpoint.labelZh());
                zh.setWidth("30em");
                TextField en = new TextField(getTranslation("ladder.labelEn"));
                en.setValue(checkpoint.labelEn());
                en.setWidth("30em");
                Span level = new Span(String.valueOf(checkpoint.level()));
                level.addClassName("summit-ladder-name");
                Button save = new Button(getTranslation("common.save"), e -> {
                    try {
                        scorecards.editLadder(ladder.element(), checkpoint.level(), zh.getValue(), en.getValue(),
                                verify.getValue() == 0 ? null : verify.getValue(), user);
                        Errors.success(getTranslation("ladder.saved", ladder.name(getLocale()), checkpoint.level()));
                    } catch (UserFacingException ex) {
                        zh.setErrorMessage(Errors.text(this, ex));
                        zh.setInvalid(true);
                    }
                });
                save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                save.setId("ladder-save-" + ladder.element().name() + "-" + checkpoint.level());
                HorizontalLayout row = new HorizontalLayout(level, zh, en, save);
                row.setAlignItems(FlexComponent.Alignment.BASELINE);
                card.add(row);
            }
            add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ladder.title");
    }
}
