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
summit-bpmn-viewer .bjs-powered-by { z-index: 1; }
`;

class SummitBpmnViewer extends HTMLElement {
  constructor() {
    super();
    this._xml = null;
    this._active = '';
    this._markers = '{}';
    this._viewer = null;
    this._observer = null;
  }

  set xml(value) { this._xml = value; this._schedule(); }
  get xml() { return this._xml; }
  set active(value) { this._active = value || ''; this._schedule(); }
  get active() { return this._active; }
  set markers(value) { this._markers = value || '{}'; this._schedule(); }
  get markers() { return this._markers; }

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
    this._fit();
    this.dispatchEvent(new CustomEvent('summit-diagram-ready'));
  }

  _fit() {
    if (!this._viewer) return;
    try { this._viewer.get('canvas').zoom('fit-viewport', 'auto'); } catch (e) { /* not laid out yet */ }
  }
}

customElements.define('summit-bpmn-viewer', SummitBpmnViewer);
