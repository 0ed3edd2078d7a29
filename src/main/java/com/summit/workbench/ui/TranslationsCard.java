package com.summit.workbench.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.security.domain.SummitUser;
import com.summit.workbench.service.ModelTranslations;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The English of a version's texts: the missing ones first, each editable; saved with the version. */
class TranslationsCard extends Div {

    TranslationsCard(ModelTranslations translations, long versionId, SummitUser user, Runnable refresh) {
        addClassName("summit-card");
        setId("model-translations");
        setWidthFull();
        getStyle().set("box-sizing", "border-box");
        List<ModelTranslations.Text> texts = translations.texts(versionId, user);
        long missing = texts.stream().filter(ModelTranslations.Text::missing).count();
        add(new H3(getTranslation("workbench.translations") + (missing > 0 ? " · " + getTranslation("workbench.translations.missing", missing) : "")),
                new Paragraph(getTranslation("workbench.translations.intro")));
        if (texts.isEmpty()) {
            add(new Paragraph(getTranslation("workbench.translations.none")));
            return;
        }
        Map<String, TextField> fields = new HashMap<>();
        Grid<ModelTranslations.Text> grid = new Grid<>();
        grid.setId("model-translation-list");
        grid.addColumn(ModelTranslations.Text::original).setHeader(getTranslation("workbench.translations.original")).setFlexGrow(2);
        grid.addComponentColumn(t -> {
            TextField field = fields.computeIfAbsent(t.key(), k -> {
                TextField f = new TextField();
                f.setWidthFull();
                f.setValue(t.english() == null ? "" : t.english());
                f.getElement().setAttribute("data-key", t.key());
                f.setMaxLength(4000);
                return f;
            });
            return field;
        }).setHeader(getTranslation("workbench.translations.english")).setFlexGrow(3);
        grid.addColumn(ModelTranslations.Text::key).setHeader(getTranslation("workbench.translations.key")).setFlexGrow(1);
        grid.setItems(texts);
        grid.setHeight(Math.min(12, texts.size()) * 44 + 60 + "px");
        Button save = new Button(getTranslation("workbench.translations.save"), e -> {
            Map<String, String> changed = new LinkedHashMap<>();
            for (ModelTranslations.Text t : texts) {
                TextField f = fields.get(t.key());
                if (f != null && !f.getValue().isBlank() && !f.getValue().strip().equals(t.english() == null ? "" : t.english())) {
                    changed.put(t.key(), f.getValue());
                }
            }
            try {
                translations.save(versionId, changed, user);
                Errors.success(getTranslation("workbench.translations.saved", changed.size()));
                refresh.run();
            } catch (UserFacingException ex) {
                Errors.show(this, ex);
            }
        });
        save.setId("model-translations-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(grid, save);
    }
}
