package com.summit.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The shell around every signed-in view: navigation built from the views' {@code @Menu} entries that the
 * user's roles allow, the language switch, and the user with a sign-out button.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    private final transient AuthenticationContext authentication;
    private final transient SignedInUser currentUser;
    private final transient java.util.List<HeaderItem> headerItems;
    private final java.util.Map<HeaderItem, com.vaadin.flow.component.Component> headerComponents = new java.util.LinkedHashMap<>();
    private final Span viewTitle = new Span();

    public MainLayout(AuthenticationContext authentication, SignedInUser currentUser, java.util.List<HeaderItem> headerItems) {
        this.authentication = authentication;
        this.currentUser = currentUser;
        this.headerItems = headerItems;
        setPrimarySection(Section.DRAWER);
        addToNavbar(true, header());
        addToDrawer(brand(), new Scroller(navigation()));
    }

    private HorizontalLayout header() {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.menu"));
        viewTitle.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        HorizontalLayout right = new HorizontalLayout();
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.add(new LanguageSwitch());
        currentUser.badge().ifPresent(user -> headerItems.forEach(item -> {
            com.vaadin.flow.component.Component component = item.create();
            headerComponents.put(item, component);
            right.add(component);
        }));
        currentUser.badge().ifPresent(user -> {
            Avatar avatar = new Avatar(user.displayName());
            avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_SMALL);
            Span name = new Span(user.displayName());
            name.setId("current-user");
            Span roles = new Span(String.join(" · ", user.roleKeys().stream().map(this::getTranslation).toList()));
            roles.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            right.add(avatar, name, roles);
        });
        Button logout = new Button(getTranslation("nav.logout"), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        right.add(logout);
        HorizontalLayout header = new HorizontalLayout(toggle, viewTitle, right);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(viewTitle);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        return header;
    }

    private HorizontalLayout brand() {
        Span logo = new Span("▲ Summit");
        logo.addClassName("summit-brand");
        logo.getStyle().set("font-size", "var(--lumo-font-size-xl)");
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        var box = new com.vaadin.flow.component.orderedlayout.VerticalLayout(logo, tagline);
        box.setSpacing(false);
        box.setPadding(true);
        return new HorizontalLayout(box);
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = entry.icon() == null || entry.icon().isBlank()
                    ? new SideNavItem(getTranslation(entry.title()), entry.path())
                    : new SideNavItem(getTranslation(entry.title()), entry.path(), new Icon(entry.icon()));
            nav.addItem(item);
        }
        return nav;
    }

    @Override
    protected void afterNavigation() {
        super.afterNavigation();
        viewTitle.setText(getContent() instanceof HasDynamicTitle titled ? titled.getPageTitle() : "");
        headerComponents.forEach(HeaderItem::refresh);
    }
}
