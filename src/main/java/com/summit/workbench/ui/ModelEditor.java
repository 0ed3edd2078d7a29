package com.summit.workbench.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.function.Consumer;

/**
 * Camunda's own editors for a model file, in the page: BPMN with the Zeebe properties panel and Camunda's linter for
 * the engine in use, DMN decision tables, form-js forms. The edited text comes back on request; the linter's findings
 * come back as they change.
 */
@Tag("summit-model-editor")
@NpmPackage(value = "camunda-bpmn-js", version = "5.30.2")
@NpmPackage(value = "camunda-dmn-js", version = "3.8.3")
@NpmPackage(value = "@bpmn-io/form-js-editor", version = "1.23.0")
// one preact for the form editor and the form viewer it renders fields with: form-js-editor accepts up to 10.15.1, and
// left to itself npm may hoist a newer one for the viewer and nest 10.15.1 under the editor; two copies break the
// editor's hooks ("Cannot read properties of undefined (reading 'context')") and the form editor stays blank
@NpmPackage(value = "preact", version = "10.15.1")
@NpmPackage(value = "@camunda/linting", version = "3.57.0")
@NpmPackage(value = "bpmn-js-i18n", version = "2.3.0")
@JsModule("./summit-model-editor.js")
class ModelEditor extends Component implements HasSize {

    ModelEditor(String kind, String content) {
        getElement().setProperty("kind", kind);
        getElement().setProperty("language", getLocale() == null ? "zh" : getLocale().getLanguage());
        getElement().setProperty("content", content);
        setWidthFull();
        setHeight("640px");
    }

    /** Asks the editor for the edited text; {@code then} gets it. */
    void content(Consumer<String> then) {
        getElement().callJsFunction("getContent").then(String.class, then::accept);
    }

    /** Selects the element with this id and brings it into view. */
    void select(String elementId) {
        getElement().callJsFunction("select", elementId);
    }

    /** The linter's findings, as JSON ({@code [{id, message, category, rule}]}), each time they change. */
    void onLint(Consumer<String> findingsJson) {
        getElement().addEventListener("summit-lint", e -> findingsJson.accept(e.getEventData().getString("event.detail")))
                .addEventData("event.detail");
    }
}
