package com.summit.base.ui;

import com.summit.base.i18n.Locales;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Every UI speaks the language chosen with the switch (a cookie), Simplified Chinese by default. */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    static final String COOKIE = "summit-locale";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> apply(e.getUI()));
    }

    static void apply(UI ui) {
        Locale locale = fromCookie(VaadinService.getCurrentRequest());
        VaadinSession session = ui.getSession();
        if (session != null) {
            session.setLocale(locale);
        }
        ui.setLocale(locale);
    }

    private static Locale fromCookie(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Locales.DEFAULT;
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .findFirst()
                .map(Locales::fromTag)
                .orElse(Locales.DEFAULT);
    }
}
