// <summit-form-viewer>: renders a Camunda Form (form-js schema) into light DOM so that form-js's CSS applies.
// Properties: schema (JSON string), data (JSON string). Methods: submit(), currentData().
// Events: summit-submit {detail: {data}}, summit-invalid {detail: {fields}}, summit-form-ready, summit-form-error {detail: {message}}.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

// form-js debounces text, text area and number input by 300 ms (useFlushDebounce), while its inputs are
// controlled by the form state. Any re-render of the form in that window (e.g. the number field's own
// second, delayed onChange after it was left) writes the stale state value back into the input the user is
// typing in: characters are lost or old and new text get mixed, and submit()/currentData() miss the last
// keys. `debounce: false` (form-js config, read by useFlushDebounce) sends every key to the form state at once.
const FORM_OPTIONS = { debounce: false };

class SummitFormViewer extends HTMLElement {
  constructor() {
    super();
    this._schema = null;
    this._data = '{}';
    this._form = null;
    this._rendered = null; // {schema, data} the current form was imported with
    this._pending = false;
    this._destroyTimer = null;
    this._rendering = Promise.resolve();
  }

  set schema(value) {
    if (value === this._schema) return; // the same value again (e.g. re-sent by the server): keep the form as it is
    this._schema = value;
    this._scheduleRender();
  }

  get schema() {
    return this._schema;
  }

  set data(value) {
    value = value || '{}';
    if (value === this._data) return;
    this._data = value;
    this._scheduleRender();
  }

  get data() {
    return this._data;
  }

  connectedCallback() {
    if (this._destroyTimer) {
      // moved in the DOM (detached and attached again in one go): keep the form and what was typed
      clearTimeout(this._destroyTimer);
      this._destroyTimer = null;
    }
    this._scheduleRender();
  }

  disconnectedCallback() {
    if (this._destroyTimer) clearTimeout(this._destroyTimer);
    this._destroyTimer = setTimeout(() => {
      this._destroyTimer = null;
      if (!this.isConnected) this._destroyForm();
    }, 0);
  }

  _destroyForm() {
    if (this._form) {
      this._form.destroy();
      this._form = null;
    }
    this._rendered = null;
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
    const schema = this._schema;
    const data = this._data;
    if (this._form && this._rendered && this._rendered.schema === schema && this._rendered.data === data) {
      return; // already showing exactly this: a re-render would throw away what the user typed
    }
    this._destroyForm();
    const container = document.createElement('div');
    container.className = 'summit-form-container';
    this.replaceChildren(container);
    const form = new Form({ container, ...FORM_OPTIONS });
    try {
      await form.importSchema(JSON.parse(schema), JSON.parse(data || '{}'));
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
    this._rendered = { schema, data };
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
