package com.summit.opportunity.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.summit.base.UserFacingException;
import com.summit.base.ui.BpmnViewer;
import com.summit.base.ui.Chart;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.opportunity.domain.ScoreChange;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.domain.VetoHolder;
import com.summit.opportunity.service.OpportunityPage;
import com.summit.opportunity.service.OpportunityPageService;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.List;

/**
 * An opportunity's page: where the deal stands (stage path and its guidance), the key-account scorecard as a
 * radar and five ladders with the next checkpoint, the veto holders, the timeline and the live process diagram.
 */
@Route("opportunities/:opportunityId")
@PermitAll
public class OpportunityView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient OpportunityPageService pages;
    private final transient ScorecardService scorecards;
    private final transient com.summit.opportunity.service.OpportunityService opportunities;
    private final transient SummitUser user;
    private final transient ObjectMapper json = new ObjectMapper();
    private String title = "";
    private long opportunityId;

    private final transient java.util.List<OpportunitySection> sections;

    public OpportunityView(OpportunityPageService pages, ScorecardService scorecards,
            com.summit.opportunity.service.OpportunityService opportunities, CurrentUser currentUser,
            java.util.List<OpportunitySection> sections) {
        this.sections = sections;
        this.pages = pages;
        this.opportunities = opportunities;
        this.scorecards = scorecards;
        this.user = currentUser.require();
        addClassName("summit-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            opportunityId = Long.parseLong(event.getRouteParameters().get("opportunityId").orElse(""));
        } catch (NumberFormatException e) {
            opportunityId = -1;
        }
        show();
    }

    private void show() {
        removeAll();
        try {
            render(pages.page(opportunityId, user, getLocale()));
        } catch (UserFacingException e) {
            Div box = new Div(new Span(Errors.text(this, e)));
            box.addClassName("summit-errors");
            box.setId("opportunity-message");
            add(box, back());
        }
    }

    private void render(OpportunityPage page) {
        var o = page.opportunity();
        title = o.name();
        H2 heading = new H2(o.name());
        heading.getStyle().set("margin", "0");
        Span stage = badge(o.stage().number() + " · " + getTranslation(o.stage().messageKey()), "");
        stage.setId("opportunity-stage");
        HorizontalLayout header = new HorizontalLayout(back(), heading, stage);
        if (o.stalled()) {
            Span stalled = badge(getTranslation("opportunity.page.stalled"), "error");
            stalled.setId("opportunity-stalled");
            header.add(stalled);
        }
        if (o.status() != com.summit.opportunity.domain.OpportunityStatus.OPEN) {
            header.add(badge(getTranslation(o.status().messageKey()), "contrast"));
        }
        header.add(actions(page));
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        Div meta = new Div();
        meta.addClassName("summit-meta");
        meta.setId("opportunity-meta");
        meta.add(new Span(o.customerName()));
        if (page.tier() != null) {
            meta.add(badge(getTranslation(page.tier().messageKey()), "success"));
        }
        meta.add(new Span(Formats.cny(o.amount())));
        meta.add(new Span(o.services().stream().map(s -> getTranslation(s.messageKey())).sorted()
                .reduce((a, b) -> a + getTranslation("common.listSeparator") + b).orElse("—")));
        meta.add(new Span(page.team() == null ? getTranslation("opportunity.page.owner", page.ownerName())
                : getTranslation("opportunity.page.ownerTeam", page.ownerName(), page.team())));
        meta.add(new Span(getTranslation("opportunity.page.daysInStage", page.daysInStage())));

        add(header, meta, stagePath(o.stage()), scorecardCard(page), vetoCard(page));
        sections.forEach(section -> section.create(o.id(), user, this::show).ifPresent(this::add));
        add(openTasksCard(page), teamCard(page), timelineCard(page));
        page.diagram().ifPresent(d -> {
            Div diagram = new Div(new H3(getTranslation("opportunity.page.diagram")), new BpmnViewer(d.xml(), d.activeElementIds()));
            diagram.addClassName("summit-card");
            diagram.setId("opportunity-diagram");
            diagram.setWidthFull();
            diagram.getStyle().set("box-sizing", "border-box");
            add(diagram);
        });
    }

    /** Pause, resume, or close as lost: the lifecycle takes each as a message. */
    private HorizontalLayout actions(OpportunityPage page) {
        var o = page.opportunity();
        HorizontalLayout actions = new HorizontalLayout();
        boolean mayManage = o.ownerUsername().equals(user.username()) || user.has(com.summit.security.domain.Role.MANAGER)
                || user.has(com.summit.security.domain.Role.ADMIN);
        if (!mayManage) {
            return actions;
        }
        if (o.status() == com.summit.opportunity.domain.OpportunityStatus.OPEN) {
            Button pause = new Button(getTranslation("opportunity.action.pause"), VaadinIcon.PAUSE.create(),
                    e -> act(() -> opportunities.pause(opportunityId, user), "opportunity.action.paused"));
            pause.setId("opportunity-pause");
            actions.add(pause);
        }
        if (o.status() == com.summit.opportunity.domain.OpportunityStatus.PAUSED) {
            Button resume = new Button(getTranslation("opportunity.action.resume"), VaadinIcon.PLAY.create(),
                    e -> act(() -> opportunities.resume(opportunityId, user), "opportunity.action.resumed"));
            resume.setId("opportunity-resume");
            actions.add(resume);
        }
        if (o.status() == com.summit.opportunity.domain.OpportunityStatus.OPEN || o.status() == com.summit.opportunity.domain.OpportunityStatus.PAUSED) {
            Button lost = new Button(getTranslation("opportunity.action.lost"), VaadinIcon.CLOSE_CIRCLE.create(), e -> openLostDialog());
            lost.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            lost.setId("opportunity-lost");
            actions.add(lost);
        }
        return actions;
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Errors.success(getTranslation(doneKey));
        } catch (UserFacingException e) {
            Errors.show(this, e);
        }
    }

    private void openLostDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("opportunity.action.lost"));
        var reasons = opportunities.lostReasons(getLocale());
        Select<String> reason = new Select<>();
        reason.setLabel(getTranslation("opportunity.lost.reason"));
        reason.setItems(reasons.keySet());
        reason.setItemLabelGenerator(reasons::get);
        reason.setId("lost-reason");
        TextArea note = new TextArea(getTranslation("opportunity.lost.note"));
        note.setWidthFull();
        note.setMaxLength(1000);
        dialog.add(new VerticalLayout(reason, note));
        Button confirm = new Button(getTranslation("opportunity.action.lost"), e -> {
            try {
                opportunities.lose(opportunityId, reason.getValue(), note.getValue(), user);
                dialog.close();
                Errors.success(getTranslation("opportunity.action.lostDone"));
            } catch (UserFacingException ex) {
                reason.setErrorMessage(Errors.text(this, ex));
                reason.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("lost-confirm");
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    /** The five stages as a path, the current one marked, with its key activities and exit conditions. */
    private Div stagePath(Stage current) {
        Div path = new Div();
        path.addClassName("summit-stage-path");
        path.setId("opportunity-stage-path");
        for (Stage s : Stage.values()) {
            Span step = new Span(s.number() + " " + getTranslation(s.messageKey()));
            step.addClassName("summit-stage-step");
            if (s == current) {
                step.addClassName("current");
            } else if (s.number() < current.number()) {
                step.addClassName("done");
            }
            path.add(step);
        }
        Div guidance = new Div(new Paragraph(getTranslation("stage.guide." + current.name())),
                new Paragraph(getTranslation("stage.exit." + current.name())));
        guidance.addClassName("summit-stage-guidance");
        guidance.setId("opportunity-guidance");
        Div wrapper = new Div(path, guidance);
        wrapper.addClassName("summit-card");
        wrapper.setWidthFull();
        wrapper.getStyle().set("box-sizing", "border-box");
        return wrapper;
    }

    private Div scorecardCard(OpportunityPage page) {
        Div card = new Div(new H3(getTranslation("opportunity.page.scorecard")));
        card.addClassName("summit-card");
        card.setId("opportunity-scorecard");
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        Chart radar = new Chart(radarOption(page.scorecard()));
        radar.setId("opportunity-radar");
        radar.setWidth("340px");
        radar.setHeight("300px");
        radar.getStyle().set("flex", "0 0 auto");
        VerticalLayout ladders = new VerticalLayout();
        ladders.setPadding(false);
        ladders.setSpacing(false);
        for (ScorecardService.Line line : page.scorecard().lines()) {
            ladders.add(ladderRow(line, page.mayChange()));
        }
        FlexLayout body = new FlexLayout(radar, ladders);
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.getStyle().set("gap", "var(--lumo-space-l)");
        body.setFlexGrow(1, ladders);
        ladders.getStyle().set("flex", "1 1 420px");
        card.add(body);
        return card;
    }

    private Div ladderRow(ScorecardService.Line line, boolean mayChange) {
        var ladder = line.ladder();
        Span name = new Span(ladder.name(getLocale()));
        name.addClassName("summit-ladder-name");
        Span level = new Span(getTranslation("opportunity.page.level", line.level()));
        level.addClassName("summit-ladder-level");
        Div bar = new Div();
        bar.addClassName("summit-level-bar");
        for (int i = 1; i <= ScoreElement.MAX_LEVEL; i++) {
            Span segment = new Span();
            if (i <= line.level()) {
                segment.addClassName("on");
            }
            bar.add(segment);
        }
        HorizontalLayout top = new HorizontalLayout(name, level, bar);
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        top.setSpacing(true);
        if (line.pending().isPresent()) {
            top.add(badge(getTranslation("opportunity.page.pending", line.pending().get().fromLevel()), "contrast"));
        }
        if (mayChange) {
            Button change = new Button(getTranslation("opportunity.page.change"), e -> openChangeDialog(line));
            change.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            change.setId("score-change-" + ladder.element().name());
            top.add(change);
        }
        Span current = new Span(line.current());
        current.addClassName("summit-muted");
        Span next = new Span(line.next() == null ? getTranslation("opportunity.page.top", line.current())
                : getTranslation("opportunity.page.next", line.next()));
        next.addClassName("summit-ladder-next");
        Div row = new Div(top, current, next);
        row.addClassName("summit-ladder");
        row.setId("ladder-" + ladder.element().name());
        return row;
    }

    private void openChangeDialog(ScorecardService.Line line) {
        var ladder = line.ladder();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("score.dialog.title", ladder.name(getLocale())));
        dialog.setWidth("560px");
        Select<Integer> level = new Select<>();
        level.setLabel(getTranslation("score.dialog.level"));
        level.setItems(0, 1, 2, 3, 4, 5, 6);
        level.setItemLabelGenerator(l -> l + " · " + ladder.checkpoint(l, getLocale()));
        level.setValue(Math.min(ScoreElement.MAX_LEVEL, line.level() + 1));
        level.setWidthFull();
        level.setId("score-level");
        Select<ScoreChange.EvidenceKind> kind = new Select<>();
        kind.setLabel(getTranslation("score.dialog.kind"));
        kind.setItems(ScoreChange.EvidenceKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("score.kind." + k.name()));
        kind.setValue(ScoreChange.EvidenceKind.NOTE);
        kind.setId("score-kind");
        TextArea text = new TextArea(getTranslation("score.dialog.text"));
        text.setPlaceholder(getTranslation("score.dialog.text.placeholder"));
        text.setWidthFull();
        text.setMaxLength(ScorecardService.EVIDENCE_MAX);
        text.setId("score-text");
        TextField link = new TextField(getTranslation("score.dialog.link"));
        link.setWidthFull();
        link.setPlaceholder("https://");
        link.setVisible(false);
        link.setId("score-link");
        byte[][] file = new byte[1][];
        String[] fileMeta = new String[2];
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            file[0] = bytes;
            fileMeta[0] = metadata.fileName();
            fileMeta[1] = metadata.contentType();
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ScorecardService.FILE_MAX_BYTES);
        upload.setVisible(false);
        // a done follow-up of the deal as the evidence
        var done = scorecards.followUpEvidence(opportunityId, user, getLocale());
        Select<com.summit.opportunity.service.FollowUpEvidence.Done> followUp = new Select<>();
        followUp.setLabel(getTranslation("score.dialog.followUp"));
        followUp.setItems(done);
        followUp.setItemLabelGenerator(com.summit.opportunity.service.FollowUpEvidence.Done::label);
        followUp.setWidthFull();
        followUp.setVisible(false);
        followUp.setId("score-follow-up");
        if (done.isEmpty()) {
            followUp.setHelperText(getTranslation("score.dialog.followUp.none"));
            followUp.setEnabled(false);
        } else {
            followUp.setValue(done.getFirst());
        }
        kind.addValueChangeListener(e -> {
            link.setVisible(e.getValue() == ScoreChange.EvidenceKind.LINK);
            upload.setVisible(e.getValue() == ScoreChange.EvidenceKind.FILE);
            followUp.setVisible(e.getValue() == ScoreChange.EvidenceKind.FOLLOW_UP);
        });
        VerticalLayout form = new VerticalLayout(level, kind, text, link, upload, followUp);
        form.setPadding(false);
        if (ladder.verifyFromLevel() != null) {
            Span notice = new Span(getTranslation("score.dialog.verifyNotice", ladder.name(getLocale()), ladder.verifyFromLevel()));
            notice.addClassName("summit-muted");
            form.add(notice);
        }
        dialog.add(form);
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                var evidence = new ScorecardService.Evidence(kind.getValue(), text.getValue(), link.getValue(), fileMeta[0], fileMeta[1], file[0],
                        followUp.getValue() == null ? null : followUp.getValue().id());
                ScoreChange change = scorecards.changeLevel(opportunityId, ladder.element(), level.getValue(), evidence, user);
                dialog.close();
                Errors.success(getTranslation(change.status() == ScoreChange.Status.PENDING ? "score.dialog.savedPending" : "score.dialog.saved",
                        ladder.name(getLocale()), change.toLevel()));
                show();
            } catch (UserFacingException ex) {
                text.setErrorMessage(Errors.text(this, ex));
                text.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("score-save");
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private Div vetoCard(OpportunityPage page) {
        Div card = new Div(new H3(getTranslation("opportunity.page.vetoHolders")));
        card.addClassNames("summit-card", "summit-context");
        card.setId("opportunity-veto-holders");
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        FlexLayout row = new FlexLayout();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        for (VetoHolder holder : page.scorecard().vetoHolders()) {
            String department = translated("veto.dept." + holder.department(), holder.department());
            Select<VetoHolder.Status> status = new Select<>();
            status.setLabel(department);
            status.setItems(VetoHolder.Status.values());
            status.setItemLabelGenerator(s -> getTranslation("veto.status." + s.name()));
            status.setValue(holder.status());
            status.setReadOnly(!page.mayChange());
            status.setId("veto-" + holder.department());
            status.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    try {
                        scorecards.setVetoHolder(opportunityId, holder.department(), e.getValue(), holder.note(), user);
                        Errors.success(getTranslation("veto.saved", department));
                    } catch (UserFacingException ex) {
                        Errors.show(this, ex);
                    }
                }
            });
            if (holder.note() != null) {
                status.setHelperText(holder.note());
            }
            row.add(status);
        }
        card.add(row);
        return card;
    }

    /** The opportunity team: members with their roles; the owner and managers add and remove members. */
    private Div teamCard(OpportunityPage page) {
        Div card = new Div(new H3(getTranslation("team.title")));
        card.addClassNames("summit-card", "summit-context");
        card.setId("opportunity-team");
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        boolean mayManage = page.mayChange() && (page.opportunity().ownerUsername().equals(user.username())
                || user.has(com.summit.security.domain.Role.MANAGER) || user.has(com.summit.security.domain.Role.ADMIN));
        FlexLayout members = new FlexLayout();
        members.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        members.getStyle().set("gap", "var(--lumo-space-s)");
        for (var member : page.members()) {
            Span chip = new Span(page.names().getOrDefault(member.username(), member.username()) + " · "
                    + getTranslation("team.role." + member.role()));
            chip.getElement().getThemeList().add("badge" + ("OWNER".equals(member.role()) ? " primary" : ""));
            Div item = new Div(chip);
            if (mayManage && !"OWNER".equals(member.role())) {
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                    try {
                        opportunities.removeMember(opportunityId, member.username(), user);
                        Errors.success(getTranslation("team.removed", page.names().getOrDefault(member.username(), member.username())));
                        show();
                    } catch (UserFacingException ex) {
                        Errors.show(this, ex);
                    }
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                remove.getElement().setAttribute("aria-label", getTranslation("team.remove"));
                remove.setId("team-remove-" + member.username());
                item.add(remove);
            }
            members.add(item);
        }
        card.add(members);
        if (mayManage) {
            com.vaadin.flow.component.combobox.ComboBox<String> who = new com.vaadin.flow.component.combobox.ComboBox<>(getTranslation("team.member"));
            who.setItems(page.names().keySet());
            who.setItemLabelGenerator(u -> page.names().get(u) + " (" + u + ")");
            who.setId("team-user");
            Select<com.summit.opportunity.domain.TeamRole> role = new Select<>();
            role.setLabel(getTranslation("team.role"));
            role.setItems(java.util.Arrays.stream(com.summit.opportunity.domain.TeamRole.values())
                    .filter(r -> r != com.summit.opportunity.domain.TeamRole.OWNER).toList());
            role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
            role.setValue(com.summit.opportunity.domain.TeamRole.SOLUTION);
            role.setId("team-role");
            Button add = new Button(getTranslation("team.add"), VaadinIcon.PLUS.create(), e -> {
                try {
                    opportunities.addMember(opportunityId, who.getValue(), role.getValue(), user);
                    Errors.success(getTranslation("team.added", page.names().getOrDefault(who.getValue(), who.getValue())));
                    show();
                } catch (UserFacingException ex) {
                    who.setErrorMessage(Errors.text(this, ex));
                    who.setInvalid(true);
                }
            });
            add.setId("team-add");
            HorizontalLayout form = new HorizontalLayout(who, role, add);
            form.setAlignItems(FlexComponent.Alignment.BASELINE);
            card.add(form);
        }
        return card;
    }

    /** What is open on the deal now, and with whom: each step links to its task for those who may open it. */
    private Div openTasksCard(OpportunityPage page) {
        Div card = new Div(new H3(getTranslation("opportunity.page.openTasks")));
        card.addClassNames("summit-card");
        card.setId("opportunity-open-tasks");
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        if (page.openTasks().isEmpty()) {
            card.add(new Span(getTranslation("opportunity.page.openTasks.none")));
            return card;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("summit-timeline");
        for (OpportunityPage.OpenTask task : page.openTasks()) {
            ListItem item = new ListItem();
            com.vaadin.flow.component.Component name = task.mayOpen()
                    ? new com.vaadin.flow.component.html.Anchor("tasks/" + task.id(), task.name()) : new Span(task.name());
            Span holder = new Span(task.holder());
            holder.getElement().getThemeList().add("badge small contrast");
            item.add(name, holder);
            if (task.dueAt() != null) {
                Span due = new Span(getTranslation("opportunity.page.openTasks.due", Formats.dateTime(task.dueAt())));
                due.addClassName("summit-muted");
                item.add(due);
            }
            list.add(item);
        }
        card.add(list);
        return card;
    }

    private Div timelineCard(OpportunityPage page) {
        Div card = new Div(new H3(getTranslation("opportunity.page.timeline")));
        card.addClassNames("summit-card");
        card.setId("opportunity-timeline");
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        UnorderedList list = new UnorderedList();
        list.addClassName("summit-timeline");
        for (OpportunityPage.Entry entry : page.timeline()) {
            ListItem item = new ListItem();
            Span at = new Span(Formats.dateTime(entry.at()));
            at.addClassName("summit-muted");
            Span kind = new Span(getTranslation("timeline.kind." + entry.kind().name()));
            kind.getElement().getThemeList().add("badge small");
            item.add(at, kind, new Span(entry.text()));
            list.add(item);
        }
        card.add(list);
        return card;
    }

    private String radarOption(ScorecardService.Scorecard scorecard) {
        ObjectNode option = json.createObjectNode();
        option.putObject("tooltip");
        ObjectNode radar = option.putObject("radar");
        radar.put("radius", "65%");
        ArrayNode indicators = radar.putArray("indicator");
        ArrayNode values = json.createArrayNode();
        for (ScorecardService.Line line : scorecard.lines()) {
            indicators.addObject().put("name", line.ladder().name(getLocale()) + " " + line.level()).put("max", ScoreElement.MAX_LEVEL);
            values.add(line.level());
        }
        ObjectNode series = option.putArray("series").addObject();
        series.put("type", "radar");
        ObjectNode data = series.putArray("data").addObject();
        data.set("value", values);
        data.put("name", getTranslation("opportunity.page.scorecard"));
        data.putObject("areaStyle").put("opacity", 0.25);
        return option.toString();
    }

    private Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(("badge " + theme).strip());
        return badge;
    }

    private String translated(String key, String fallback) {
        String text = getTranslation(key);
        return text.startsWith("!") || text.equals(key) ? fallback : text;
    }

    private Button back() {
        Button back = new Button(getTranslation("opportunity.page.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(OpportunitiesView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("nav.opportunities") : title;
    }

}
