// <summit-bpmn-viewer>: a read-only BPMN diagram (bpmn-js NavigatedViewer) with the current step highlighted.
// Properties: xml (BPMN XML string), active (element id, or comma-separated ids), markers (JSON: element id -> added|changed).
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

const STYLE = `
summit-bpmn-viewer { display: block; position: relative; }
summit-bpmn-viewer .summit-bpmn-canvas { width: 100%; height: 100%; min-height: 260px; }
summit-bpmn-viewer .djs-element.summit-current .djs-visual > :nth-child(1) {
  stroke: #1565c0 !important; stroke-width: 3px !important; fill: #e3f2fd !important;
}
summit-bpmn-viewer .djs-element.summit-added .djs-visual > :nth-child(1) {
  stroke: #2e7d32 !important; stroke-width: 3px !important; fill: #e8f5e9 !important;
}
summit-bpmn-viewer .djs-element.summit-changed .djs-visual > :nth-child(1) {
  stroke: #ef6c00 !important; stroke-width: 3px !important; fill: #fff3e0 !important;
}
summit-bpmn-viewer .djs-connection.summit-added .djs-visual > path { stroke: #2e7d32 !important; stroke-width: 3px !important; }
summit-bpmn-viewer .djs-connection.summit-changed .djs-visual > path { stroke: #ef6c00 !important; stroke-width: 3px !important; }
summit-bpmn-viewer .summit-count { display: inline-block; min-width: 18px; padding: 0 5px; border-radius: 9px; background: #1565c0;
  color: #fff; font: 600 12px/18px sans-serif; text-align: center; box-shadow: 0 0 0 2px #fff; }
summit-bpmn-viewer .summit-count.summit-case { background: #6a1b9a; }
summit-bpmn-viewer .bjs-powered-by { z-index: 1; }
`;

class SummitBpmnViewer extends HTMLElement {
  constructor() {
    super();
    this._xml = null;
    this._active = '';
    this._markers = '{}';
    this._counts = '{}';
    this._caseCounts = '{}';
    this._viewer = null;
    this._observer = null;
  }

  set xml(value) { this._xml = value; this._schedule(); }
  get xml() { return this._xml; }
  set active(value) { this._active = value || ''; this._schedule(); }
  get active() { return this._active; }
  set markers(value) { this._markers = value || '{}'; this._schedule(); }
  get markers() { return this._markers; }
  set counts(value) { this._counts = value || '{}'; this._schedule(); }
  get counts() { return this._counts; }
  set caseCounts(value) { this._caseCounts = value || '{}'; this._schedule(); }
  get caseCounts() { return this._caseCounts; }

  connectedCallback() {
    if (!document.getElementById('summit-bpmn-viewer-style')) {
      const style = document.createElement('style');
      style.id = 'summit-bpmn-viewer-style';
      style.textContent = STYLE;
      document.head.appendChild(style);
    }
    this._schedule();
  }

  disconnectedCallback() {
    if (this._observer) { this._observer.disconnect(); this._observer = null; }
    if (this._viewer) { this._viewer.destroy(); this._viewer = null; }
  }

  _schedule() {
    if (this._pending) return;
    this._pending = true;
    queueMicrotask(() => { this._pending = false; this._render(); });
  }

  async _render() {
    if (!this.isConnected || !this._xml) return;
    if (!this._viewer) {
      const canvas = document.createElement('div');
      canvas.className = 'summit-bpmn-canvas';
      this.replaceChildren(canvas);
      this._viewer = new NavigatedViewer({ container: canvas });
      this._observer = new ResizeObserver(() => this._fit());
      this._observer.observe(this);
    }
    try {
      await this._viewer.importXML(this._xml);
    } catch (e) {
      console.error('bpmn-js could not render the diagram', e);
      return;
    }
    const canvas = this._viewer.get('canvas');
    const registry = this._viewer.get('elementRegistry');
    this._active.split(',').map((id) => id.trim()).filter((id) => id && registry.get(id))
      .forEach((id) => canvas.addMarker(id, 'summit-current'));
    let markers = {};
    try { markers = JSON.parse(this._markers); } catch (e) { markers = {}; }
    Object.entries(markers).filter(([id]) => registry.get(id))
      .forEach(([id, kind]) => canvas.addMarker(id, 'summit-' + kind));
    const overlays = this._viewer.get('overlays');
    overlays.clear();
    const badge = (json, cls, position) => {
      let counts = {};
      try { counts = JSON.parse(json); } catch (e) { counts = {}; }
      Object.entries(counts).filter(([id, n]) => n > 0 && registry.get(id)).forEach(([id, n]) => {
        const span = document.createElement('span');
        span.className = 'summit-count ' + cls;
        span.setAttribute('data-element', id);
        span.textContent = String(n);
        overlays.add(id, { position, html: span });
      });
    };
    badge(this._counts, 'summit-task', { top: -9, right: 9 });
    badge(this._caseCounts, 'summit-case', { top: -9, left: 9 });
    this._fit();
    this.dispatchEvent(new CustomEvent('summit-diagram-ready'));
  }

  _fit() {
    if (!this._viewer) return;
    try { this._viewer.get('canvas').zoom('fit-viewport', 'auto'); } catch (e) { /* not laid out yet */ }
  }
}

customElements.define('summit-bpmn-viewer', SummitBpmnViewer);
