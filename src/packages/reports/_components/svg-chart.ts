import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);
// Server-side style rendering needs no canvas: text is measured by a rule (CJK ≈ 1 em, others ≈ 0.6 em).
echarts.setPlatformAPI({
  measureText: (text: string, font?: string) => {
    const size = Number(/(\d+)px/.exec(font ?? '')?.[1] ?? 12);
    let width = 0;
    for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? size : size * 0.6;
    return { width };
  },
});

export type Series = { name: string; values: number[]; kind?: 'bar' | 'line'; stack?: string };
export type ChartSpec = { categories: string[]; series: Series[]; percent?: boolean; width: number; height: number };

/** The chart as an SVG document: the same string in weapp and H5, shown as an image. */
export function chartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  chart.setOption({
    animation: false,
    color: ['#1f5fbf', '#e6a23c', '#d9534f', '#5cb85c', '#8e44ad'],
    legend: spec.series.length > 1 ? { top: 0, textStyle: { fontSize: 11 } } : undefined,
    grid: { left: 40, right: 12, top: spec.series.length > 1 ? 28 : 12, bottom: 48 },
    xAxis: {
      type: 'category',
      data: spec.categories,
      // Slanted when many; a long name is cut to its start (the table view shows it whole).
      axisLabel:
        spec.categories.length > 4
          ? { fontSize: 10, interval: 0, rotate: 30, width: 72, overflow: 'truncate', ellipsis: '…' }
          : { fontSize: 10, interval: 0 },
    },
    // Percentages up to the next ten above the largest, never past 100.
    yAxis: {
      type: 'value',
      max: spec.percent ? (v: { max: number }) => Math.min(100, Math.max(10, Math.ceil(v.max / 10) * 10)) : undefined,
      axisLabel: { fontSize: 10, formatter: spec.percent ? '{value}%' : '{value}' },
    },
    series: spec.series.map((s) => ({
      type: s.kind ?? 'bar',
      name: s.name,
      data: s.values,
      stack: s.stack,
      label: {
        show: spec.categories.length <= 8 && s.kind !== 'line',
        position: s.stack ? 'inside' : 'top',
        fontSize: 10,
        color: s.stack ? '#fff' : '#333',
      },
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

function utf8Base64(text: string): string {
  const bytes = unescape(encodeURIComponent(text));
  const table = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes.charCodeAt(i) << 16) | ((bytes.charCodeAt(i + 1) || 0) << 8) | (bytes.charCodeAt(i + 2) || 0);
    out +=
      table.charAt((n >> 18) & 63) +
      table.charAt((n >> 12) & 63) +
      (i + 1 < bytes.length ? table.charAt((n >> 6) & 63) : '=') +
      (i + 2 < bytes.length ? table.charAt(n & 63) : '=');
  }
  return out;
}

/** An image source for the SVG (a data URL both WeChat's image and the browser accept). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${utf8Base64(svg)}`;
}
