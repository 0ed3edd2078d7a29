package com.summit.base.ui;

import com.summit.base.i18n.Locales;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import java.util.Locale;

/** 中文 / English: stored in a cookie, applied by reloading the page. */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch() {
        setItems(Locales.SUPPORTED);
        setItemLabelGenerator(l -> l.equals(Locales.ZH_CN) ? "中文" : "English");
        setWidth("8.5em");
        addThemeName("small");
        setAriaLabel("Language / 语言");
        setId("language-switch");
        addAttachListener(e -> setValue(Locales.supported(e.getUI().getLocale())));
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UI ui = UI.getCurrent();
                ui.getPage().executeJs("document.cookie = $0 + '=' + $1 + ';path=/;max-age=31536000;samesite=lax'",
                        LocaleInitializer.COOKIE, e.getValue().toLanguageTag());
                ui.getSession().setLocale(e.getValue());
                ui.getPage().reload();
            }
        });
    }
}
