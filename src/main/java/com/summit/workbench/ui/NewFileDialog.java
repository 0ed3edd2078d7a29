package com.summit.workbench.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.security.domain.SummitUser;
import com.summit.workbench.service.ModelDrafts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

/** A new model file (a form, a process, a decision table), begun as the owner's draft from an empty model of its kind. */
class NewFileDialog extends Dialog {

    NewFileDialog(ModelDrafts drafts, SummitUser user) {
        setHeaderTitle(getTranslation("workbench.newFile"));
        setWidth("480px");
        RadioButtonGroup<String> kind = new RadioButtonGroup<>(getTranslation("workbench.kind"));
        kind.setItems("form", "bpmn", "dmn");
        kind.setItemLabelGenerator(k -> getTranslation("workbench.newFile.kind." + k));
        kind.setValue("form");
        kind.setId("new-file-kind");
        TextField id = new TextField(getTranslation("workbench.newFile.id"));
        id.setId("new-file-id");
        id.setHelperText(getTranslation("workbench.newFile.id.help"));
        id.setWidthFull();
        Paragraph error = new Paragraph();
        error.addClassName("summit-error-text");
        add(new Paragraph(getTranslation("workbench.newFile.intro")), kind, id, error);
        Button create = new Button(getTranslation("workbench.newFile.create"), e -> {
            String name = id.getValue().strip() + "." + kind.getValue();
            try {
                drafts.createFile(name, user);
                var ui = getUI();
                close();
                ui.ifPresent(u -> u.navigate("workbench/model/" + name));
            } catch (UserFacingException ex) {
                error.setText(Errors.text(this, ex));
            }
        });
        create.setId("new-file-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), create);
    }
}
