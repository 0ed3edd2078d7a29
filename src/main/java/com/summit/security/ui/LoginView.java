package com.summit.security.ui;

import com.summit.base.ui.LanguageSwitch;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.DemoUsers;
import com.summit.security.service.LoginThrottledException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/** Sign-in; in local mode it lists the demo users, one per role. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    public LoginView(DemoUsers demoUsers) {
        addClassName("summit-login-page");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        HorizontalLayout top = new HorizontalLayout(new LanguageSwitch());
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.END);

        H1 title = new H1("▲ Summit");
        title.addClassName("summit-brand");
        title.getStyle().set("margin", "0");
        Paragraph tagline = new Paragraph(getTranslation("app.tagline"));
        tagline.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n());
        login.getElement().setAttribute("id", "login-form");

        add(top, title, tagline, login);
        List<SummitUser> demo = demoUsers.listed();
        if (!demo.isEmpty()) {
            add(demoUsersCard(demo));
        }
    }

    private Div demoUsersCard(List<SummitUser> users) {
        Div card = new Div();
        card.addClassNames("summit-card", "summit-demo-users");
        card.setId("demo-users");
        card.add(new Span(getTranslation("login.demoUsers", DemoUsers.PASSWORD)));
        StringBuilder rows = new StringBuilder("<table>");
        for (SummitUser u : users) {
            String roles = String.join("、", u.roles().stream().map(r -> getTranslation(r.messageKey())).toList());
            rows.append("<tr><td><b>").append(escape(u.username())).append("</b></td><td>").append(escape(u.displayName()))
                    .append("</td><td>").append(escape(roles)).append("</td></tr>");
        }
        rows.append("</table>");
        card.add(new com.vaadin.flow.component.Html(rows.toString()));
        return card;
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed) {
            LoginI18n i18n = i18n();
            Object last = com.vaadin.flow.server.VaadinSession.getCurrent() == null ? null
                    : com.vaadin.flow.server.VaadinSession.getCurrent().getSession()
                            .getAttribute(org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION);
            if (last instanceof LoginThrottledException throttled) {
                i18n.getErrorMessage().setTitle(getTranslation("login.throttled.title"));
                i18n.getErrorMessage().setMessage(getTranslation("login.throttled.message", throttled.waitSeconds()));
            }
            login.setI18n(i18n);
        }
        login.setError(failed);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.pageTitle");
    }
}
