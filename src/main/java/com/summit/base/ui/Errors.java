package com.summit.base.ui;

import com.summit.base.FieldError;
import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.Map;

/** Shows a refusal to the user in their language; never a stack trace. */
public final class Errors {

    private Errors() {}

    public static String text(Component context, UserFacingException e) {
        return context.getTranslation(e.messageKey(), e.arguments());
    }

    public static String text(Component context, FieldError error) {
        return context.getTranslation(error.messageKey(), error.arguments());
    }

    public static List<String> texts(Component context, UserFacingException e) {
        if (e instanceof ValidationException v) {
            return v.errors().stream().map(f -> text(context, f)).toList();
        }
        return List.of(text(context, e));
    }

    public static void show(Component context, UserFacingException e) {
        Notification n = Notification.show(String.join("\n", texts(context, e)), 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Shows a refusal on the form's fields: each field error on its field, anything else as a
     * notification. Clears earlier errors first.
     */
    public static void showOnFields(Component context, UserFacingException e, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        List<String> rest = new java.util.ArrayList<>();
        if (e instanceof ValidationException v) {
            for (FieldError error : v.errors()) {
                HasValidation field = fields.get(error.field());
                if (field == null) {
                    rest.add(text(context, error));
                } else {
                    field.setErrorMessage(text(context, error));
                    field.setInvalid(true);
                }
            }
        } else {
            rest.add(text(context, e));
        }
        if (!rest.isEmpty()) {
            Notification n = Notification.show(String.join("\n", rest), 6000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** A refusal the browser already put in words (for example, a file the upload would not take). */
    public static void showText(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Something the user should read before going on (the gate's answer, a process that starts later): longer, on top. */
    public static void notice(String text) {
        Notification n = Notification.show(text, 10000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_PRIMARY);
        n.setId("summit-notice");
    }

    public static void success(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
