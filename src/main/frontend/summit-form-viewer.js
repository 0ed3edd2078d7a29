// <summit-form-viewer>: renders a Camunda Form (form-js schema) into light DOM so that form-js's CSS applies.
// Properties: schema (JSON string), data (JSON string), strings (JSON string: form-js's own English texts and their
// translation, from Summit's i18n bundles). Methods: submit(), currentData().
// Events: summit-submit {detail: {data}}, summit-invalid {detail: {fields}}, summit-form-ready, summit-form-error {detail: {message}}.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import flatpickr from 'flatpickr';
import { Mandarin } from 'flatpickr/dist/esm/l10n/zh.js';

// form-js has no translations of its own: "Select", "Search", "No results", "Field is required.", "Field must have
// minimum value of 0." are English in every language. Summit's bundles give their translations; each text node and
// placeholder form-js renders is translated as it appears. A pattern's {0} stands for a value (a number, a length).
class Translator {
  constructor(strings) {
    const dictionary = strings ? JSON.parse(strings) : {};
    this.language = dictionary.language || 'en';
    this.exact = new Map();
    this.patterns = [];
    for (const [source, target] of Object.entries(dictionary.texts || {})) {
      if (source.includes('{0}')) {
        const escaped = source.split('{0}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        this.patterns.push([new RegExp('^' + escaped.join('(.+?)') + '$'), target]);
      } else {
        this.exact.set(source, target);
      }
    }
  }

  get active() {
    return this.exact.size > 0 || this.patterns.length > 0;
  }

  text(value) {
    const trimmed = value.trim();
    if (!trimmed) return null;
    if (this.exact.has(trimmed)) return value.replace(trimmed, this.exact.get(trimmed));
    for (const [pattern, target] of this.patterns) {
      const match = trimmed.match(pattern);
      if (match) return value.replace(trimmed, target.replace('{0}', match[1]));
    }
    return null;
  }

  /** Translates a subtree once, then whatever form-js adds or changes in it. */
  watch(root) {
    const apply = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const translated = this.text(node.nodeValue);
        if (translated !== null && translated !== node.nodeValue) node.nodeValue = translated;
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        for (const attribute of ['placeholder', 'aria-label', 'title']) {
          const value = node.getAttribute(attribute);
          const translated = value && this.text(value);
          if (translated && translated !== value) node.setAttribute(attribute, translated);
        }
        node.childNodes.forEach(apply);
      }
    };
    apply(root);
    const observer = new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'characterData') apply(m.target);
        else if (m.type === 'attributes') apply(m.target);
        else m.addedNodes.forEach(apply);
      }
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true,
      attributeFilter: ['placeholder', 'aria-label', 'title'] });
    return observer;
  }
}

// An amount in yuan is hard to read as 1200000: a number field whose adorner is "¥" shows its value as money under
// it. The text is an attribute that the theme's CSS shows (::after), so nothing is added to the DOM form-js renders.
function watchAmounts(root, language) {
  const format = new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en', { style: 'currency', currency: 'CNY' });
  const isAmount = (field) => [...field.querySelectorAll('.fjs-input-adornment')].some((a) => a.textContent.trim() === '¥');
  const update = (field) => {
    const input = field.querySelector('input');
    if (!input) return;
    const value = Number(input.value.replace(/,/g, ''));
    if (input.value.trim() !== '' && Number.isFinite(value)) field.setAttribute('data-summit-amount', format.format(value));
    else field.removeAttribute('data-summit-amount');
  };
  root.querySelectorAll('.fjs-form-field-number').forEach((f) => isAmount(f) && update(f));
  root.addEventListener('input', (event) => {
    const field = event.target.closest && event.target.closest('.fjs-form-field-number');
    if (field && isAmount(field)) update(field);
  });
}

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
    this._strings = null;
    this._observer = null;
  }

  set strings(value) {
    if (value === this._strings) return;
    this._strings = value;
    this._rendered = null; // render again, in the new language
    this._scheduleRender();
  }

  get strings() {
    return this._strings;
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
    if (this._observer) {
      this._observer.disconnect();
      this._observer = null;
    }
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
    const translator = new Translator(this._strings);
    // the date picker's month and day names, in the reader's language (flatpickr is shared with form-js)
    flatpickr.localize(translator.language === 'zh-CN' ? Mandarin : flatpickr.l10ns.default);
    if (translator.active) this._observer = translator.watch(container);
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
    watchAmounts(container, translator.language);
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
