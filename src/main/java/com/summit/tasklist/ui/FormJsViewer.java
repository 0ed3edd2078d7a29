package com.summit.tasklist.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/** A Camunda Form rendered by form-js in the browser; the submitted values come back as a JSON string. */
@Tag("summit-form-viewer")
@NpmPackage(value = "@bpmn-io/form-js-viewer", version = "1.23.0")
@NpmPackage(value = "flatpickr", version = "4.6.13")
@JsModule("./summit-form-viewer.js")
public class FormJsViewer extends Component implements com.vaadin.flow.component.HasSize {

    /** {@code stringsJson}: form-js's own texts in the reader's language ({@code FormLocalizer.viewerStrings}). */
    public FormJsViewer(String schemaJson, String dataJson, String stringsJson) {
        getElement().setProperty("strings", stringsJson == null ? "{}" : stringsJson);
        getElement().setProperty("data", dataJson == null ? "{}" : dataJson);
        getElement().setProperty("schema", schemaJson);
        setId("task-form");
    }

    /** Asks form-js to validate and submit; a valid form fires the submit listener. */
    public void submit() {
        getElement().callJsFunction("submit");
    }

    /** Reads the values as they stand now, without validating them (for a draft). */
    public void readValues(Consumer<String> callback) {
        getElement().callJsFunction("currentData").then(String.class, callback::accept);
    }

    public Registration addSubmitListener(Consumer<String> listener) {
        return getElement().addEventListener("summit-submit", e -> listener.accept(e.getEventData().getString("event.detail.data")))
                .addEventData("event.detail.data");
    }

    public Registration addInvalidListener(Runnable listener) {
        return getElement().addEventListener("summit-invalid", e -> listener.run());
    }
}
