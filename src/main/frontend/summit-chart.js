// <summit-chart>: an ECharts chart from an option object given as JSON (property "option").
// Only the chart types Summit uses are bundled. Sized by its container (ResizeObserver).
import * as echarts from 'echarts/core';
import { RadarChart, BarChart, LineChart, FunnelChart, PieChart } from 'echarts/charts';
import { TooltipComponent, LegendComponent, GridComponent, RadarComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([RadarChart, BarChart, LineChart, FunnelChart, PieChart, TooltipComponent, LegendComponent, GridComponent,
  RadarComponent, TitleComponent, CanvasRenderer]);

class SummitChart extends HTMLElement {
  constructor() {
    super();
    this._option = null;
    this._chart = null;
    this._observer = null;
  }

  set option(value) {
    try {
      this._option = typeof value === 'string' ? JSON.parse(value) : value;
    } catch (e) {
      console.error('summit-chart: the option is not JSON', e);
      this._option = null;
    }
    this._render();
  }
  get option() { return this._option; }

  connectedCallback() {
    this.style.display = 'block';
    queueMicrotask(() => this._render());
  }

  disconnectedCallback() {
    if (this._observer) { this._observer.disconnect(); this._observer = null; }
    if (this._chart) { this._chart.dispose(); this._chart = null; }
  }

  _render() {
    if (!this.isConnected || !this._option) return;
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'canvas' });
      this._observer = new ResizeObserver(() => this._chart && this._chart.resize());
      this._observer.observe(this);
    }
    this._chart.setOption(this._option, true);
    this.dispatchEvent(new CustomEvent('summit-chart-ready'));
  }
}

customElements.define('summit-chart', SummitChart);
