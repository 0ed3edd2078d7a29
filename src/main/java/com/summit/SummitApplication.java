package com.summit;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Summit: the key-account sales workflow for logistics companies. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Push
@Theme(value = "summit", variant = Lumo.LIGHT)
// every view's components load with the app (one eager bundle): a view added later never misses a component
// because the committed production bundle was built before it existed
@com.vaadin.flow.server.LoadDependenciesOnStartup
public class SummitApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(SummitApplication.class, args);
    }

    /**
     * The session's CSRF token as the meta tags Vaadin's login form reads ({@code _csrf_parameter}, {@code _csrf}):
     * the sign-in POST carries it, and Spring Security refuses one that does not.
     */
    @Override
    public void configurePage(com.vaadin.flow.server.AppShellSettings settings) {
        Object token = settings.getRequest().getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName());
        if (token instanceof org.springframework.security.web.csrf.CsrfToken csrf) {
            settings.addMetaTag("_csrf_parameter", csrf.getParameterName());
            settings.addMetaTag("_csrf", csrf.getToken());
        }
    }
}
