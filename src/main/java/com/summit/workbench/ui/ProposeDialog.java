package com.summit.workbench.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.workbench.domain.ChangeRequest;
import com.summit.workbench.service.ModelChanges;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Proposes a change (a draft, or a roll-back): a comment saying why, a version tag, and what the checks found. A check's
 * error keeps the dialog open with each finding by element; warnings ask for an explicit "propose anyway".
 */
class ProposeDialog extends Dialog {

    /** What proposing does: the comment, the tag and whether the warnings were read, to the request made. */
    interface Proposal {
        ChangeRequest propose(String comment, String tag, boolean acknowledgeWarnings);
    }

    ProposeDialog(String heading, Proposal proposal) {
        setHeaderTitle(heading);
        setWidth("560px");
        TextArea comment = new TextArea(getTranslation("workbench.propose.comment"));
        comment.setId("propose-comment");
        comment.setRequired(true);
        comment.setMaxLength(2000);
        comment.setWidthFull();
        comment.setHelperText(getTranslation("workbench.propose.comment.help"));
        TextField tag = new TextField(getTranslation("workbench.tag"));
        tag.setId("propose-tag");
        tag.setMaxLength(100);
        tag.setWidthFull();
        tag.setHelperText(getTranslation("workbench.propose.tag.help"));
        Checkbox anyway = new Checkbox(getTranslation("workbench.propose.anyway"));
        anyway.setId("propose-anyway");
        anyway.setVisible(false);
        Div findings = new Div();
        findings.setId("propose-findings");
        add(new Paragraph(getTranslation("workbench.propose.intro")), comment, tag, findings, anyway);
        Button submit = new Button(getTranslation("workbench.propose.submit"));
        submit.setId("propose-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> {
            findings.removeAll();
            try {
                ChangeRequest request = proposal.propose(comment.getValue(), tag.getValue(), anyway.getValue());
                var ui = getUI();
                close();
                Errors.success(getTranslation(request.fourEyes() ? "workbench.propose.sentForReview" : "workbench.propose.ready", request.id()));
                ui.ifPresent(u -> u.navigate("workbench/request/" + request.id()));
            } catch (ModelChanges.RefusedException ex) {
                findings.add(new Paragraph(Errors.text(this, ex)));
                findings.add(new Findings(ex.findings()));
                anyway.setVisible("workbench.propose.warnings".equals(ex.messageKey()));
            } catch (UserFacingException ex) {
                findings.add(new Paragraph(Errors.text(this, ex)));
            }
        });
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, submit);
    }
}
