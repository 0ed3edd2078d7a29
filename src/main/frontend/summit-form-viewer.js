// <summit-form-viewer>: renders a Camunda Form (form-js schema) into light DOM so that form-js's CSS applies.
// Properties: schema (JSON string), data (JSON string). Method: submit(). Event: summit-submit {detail: {data}}.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

class SummitFormViewer extends HTMLElement {
  constructor() {
    super();
    this._schema = null;
    this._data = '{}';
    this._form = null;
    this._rendering = Promise.resolve();
  }

  set schema(value) {
    this._schema = value;
    this._scheduleRender();
  }

  get schema() {
    return this._schema;
  }

  set data(value) {
    this._data = value || '{}';
    this._scheduleRender();
  }

  get data() {
    return this._data;
  }

  connectedCallback() {
    this._scheduleRender();
  }

  disconnectedCallback() {
    if (this._form) {
      this._form.destroy();
      this._form = null;
    }
  }

  _scheduleRender() {
    if (this._pending) return;
    this._pending = true;
    queueMicrotask(() => {
      this._pending = false;
      this._rendering = this._rendering.then(() => this._render());
    });
  }

  async _render() {
    if (!this.isConnected || !this._schema) return;
    if (this._form) {
      this._form.destroy();
      this._form = null;
    }
    const container = document.createElement('div');
    container.className = 'summit-form-container';
    this.replaceChildren(container);
    const form = new Form({ container });
    try {
      await form.importSchema(JSON.parse(this._schema), JSON.parse(this._data || '{}'));
    } catch (e) {
      console.error('form-js could not render the form', e);
      this.dispatchEvent(new CustomEvent('summit-form-error', { detail: { message: String(e && e.message || e) } }));
      return;
    }
    form.on('submit', (event) => {
      const errors = event.errors || {};
      if (Object.keys(errors).length === 0) {
        this.dispatchEvent(new CustomEvent('summit-submit', { detail: { data: JSON.stringify(event.data) } }));
      } else {
        this.dispatchEvent(new CustomEvent('summit-invalid', { detail: { fields: Object.keys(errors).join(',') } }));
      }
    });
    this._form = form;
    this.dispatchEvent(new CustomEvent('summit-form-ready'));
  }

  /** Submits the form: form-js validates in the browser first, the server validates again. */
  submit() {
    if (this._form) {
      this._form.submit();
    }
  }

  /** The current values, e.g. for a draft. */
  currentData() {
    return this._form ? JSON.stringify(this._form._getState().data) : this._data;
  }
}

customElements.define('summit-form-viewer', SummitFormViewer);
