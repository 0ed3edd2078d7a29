// <summit-model-editor>: Camunda's own editors in the workbench. kind = bpmn | dmn | form; content = the model's text.
// BPMN: camunda-bpmn-js (Zeebe properties panel) with @camunda/linting for the engine version in use; its findings go
// to the page as a 'summit-lint' event (detail: JSON list of {id, message, category}). DMN: camunda-dmn-js. Forms:
// form-js's editor. getContent() answers the edited text; select(id) selects and shows an element.
import BpmnModeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-modeler.css';
import { CamundaCloudModeler as DmnModeler } from 'camunda-dmn-js';
import 'camunda-dmn-js/dist/assets/camunda-cloud-modeler.css';
import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import { Linter } from '@camunda/linting';
import lintingModule from '@camunda/linting/modeler';
import '@camunda/linting/assets/linting.css';
// bpmn-io's community translations of the BPMN editor's palette, context pad and menus (the properties panel has none)
import bpmnChinese from 'bpmn-js-i18n/translations/zn.js';

// diagram-js's translate service, in the page's language: a template's translation, its {placeholders} filled in
function translateModule(dictionary) {
  const translate = (template, replacements = {}) =>
    (dictionary[template] || template).replace(/{([^}]+)}/g, (_, key) => (key in replacements ? replacements[key] : `{${key}}`));
  return { translate: ['value', translate] };
}

// the engine Summit runs: the linter applies the rules Camunda's modelers apply for it
const ENGINE_VERSION = '8.8.0';

const STYLE = `
summit-model-editor { display: flex; position: relative; width: 100%; border: 1px solid var(--lumo-contrast-20pct); border-radius: 6px; overflow: hidden; }
summit-model-editor .summit-editor-canvas { flex: 1 1 auto; position: relative; min-width: 0; height: 100%; }
summit-model-editor .summit-editor-panel { flex: 0 0 320px; height: 100%; overflow: auto; border-left: 1px solid var(--lumo-contrast-20pct); }
summit-model-editor .summit-editor-form { flex: 1 1 auto; height: 100%; overflow: auto; }
`;

class SummitModelEditor extends HTMLElement {
  constructor() {
    super();
    this._kind = null;
    this._content = null;
    this._editor = null;
    this._linter = new Linter({ modeler: 'web', type: 'cloud' });
  }

  set kind(value) { this._kind = value; this._schedule(); }
  get kind() { return this._kind; }
  set content(value) { this._content = value; this._schedule(); }
  get content() { return this._content; }
  // the page's language (zh, en): the BPMN editor's own words follow it
  set language(value) { this._language = value; this._schedule(); }
  get language() { return this._language; }

  connectedCallback() {
    if (!document.getElementById('summit-model-editor-style')) {
      const style = document.createElement('style');
      style.id = 'summit-model-editor-style';
      style.textContent = STYLE;
      document.head.appendChild(style);
    }
    this._schedule();
  }

  disconnectedCallback() {
    if (this._editor) { this._editor.destroy(); this._editor = null; }
  }

  _schedule() {
    if (this._pending) return;
    this._pending = true;
    queueMicrotask(() => { this._pending = false; this._render(); });
  }

  async _render() {
    if (!this.isConnected || !this._kind || this._content == null) return;
    if (this._editor) { this._editor.destroy(); this._editor = null; }
    this.replaceChildren();
    try {
      if (this._kind === 'bpmn') {
        await this._bpmn();
      } else if (this._kind === 'dmn') {
        await this._dmn();
      } else {
        await this._form();
      }
      this.dispatchEvent(new CustomEvent('summit-editor-ready'));
    } catch (e) {
      console.error('the editor could not open the model', e);
      this.dispatchEvent(new CustomEvent('summit-editor-failed', { detail: String(e && e.message ? e.message : e) }));
    }
  }

  _panes() {
    const canvas = document.createElement('div');
    canvas.className = 'summit-editor-canvas';
    const panel = document.createElement('div');
    panel.className = 'summit-editor-panel';
    this.append(canvas, panel);
    return { canvas, panel };
  }

  async _bpmn() {
    const { canvas, panel } = this._panes();
    this._editor = new BpmnModeler({
      container: canvas,
      propertiesPanel: { parent: panel },
      // a new user task stays a job-worker user task, the kind Summit's inbox serves (the modeler would make it a
      // Camunda user task, which Summit's checks refuse)
      additionalModules: [lintingModule, { createZeebeUserTaskBehavior: ['type', function KeepJobWorkerUserTasks() {}] },
        ...(this._language === 'zh' ? [translateModule(bpmnChinese)] : [])],
      linting: { active: true }
    });
    await this._editor.importXML(this._content);
    this._editor.get('canvas').zoom('fit-viewport', 'auto');
    this._editor.on('commandStack.changed', () => this._lintSoon());
    await this._lint();
  }

  _lintSoon() {
    clearTimeout(this._lintTimer);
    this._lintTimer = setTimeout(() => this._lint(), 400);
  }

  async _lint() {
    if (!this._editor || this._kind !== 'bpmn') return;
    const definitions = this._editor.getDefinitions();
    // linted for the engine Summit runs, whatever version the file was drawn for
    const drawnFor = definitions.get('modeler:executionPlatformVersion');
    definitions.set('modeler:executionPlatformVersion', ENGINE_VERSION);
    let reports = [];
    try {
      reports = await this._linter.lint(definitions);
    } finally {
      definitions.set('modeler:executionPlatformVersion', drawnFor);
    }
    this._editor.get('linting').setErrors(reports);
    const findings = reports.map((r) => ({ id: r.id, message: r.message, category: r.category, rule: r.rule }));
    this.dispatchEvent(new CustomEvent('summit-lint', { detail: JSON.stringify(findings) }));
  }

  async _dmn() {
    const { canvas, panel } = this._panes();
    this._editor = new DmnModeler({ container: canvas, drd: { propertiesPanel: { parent: panel } } });
    await this._editor.importXML(this._content);
    // open the first decision table: that is what a process owner changes
    const table = this._editor.getViews().find((v) => v.type === 'decisionTable');
    if (table) await this._editor.open(table);
  }

  async _form() {
    const container = document.createElement('div');
    container.className = 'summit-editor-form';
    this.append(container);
    this._editor = new FormEditor({ container });
    await this._editor.importSchema(JSON.parse(this._content));
  }

  /** The edited model's text. */
  async getContent() {
    if (!this._editor) return this._content;
    if (this._kind === 'form') return JSON.stringify(this._editor.saveSchema(), null, 2);
    const { xml } = await this._editor.saveXML({ format: true });
    return xml;
  }

  /** Selects an element and brings it into view (BPMN); a decision table's or form's id is shown as is. */
  select(id) {
    if (!this._editor || this._kind !== 'bpmn' || !id) return;
    const registry = this._editor.get('elementRegistry');
    const element = registry.get(id);
    if (!element) return;
    // an element inside a collapsed sub-process: open its plane first
    const canvas = this._editor.get('canvas');
    const root = canvas.findRoot ? canvas.findRoot(element) : null;
    if (root && root !== canvas.getRootElement()) canvas.setRootElement(root);
    this._editor.get('selection').select(element);
    try { canvas.scrollToElement(element); } catch (e) { /* not laid out yet */ }
  }
}

customElements.define('summit-model-editor', SummitModelEditor);
