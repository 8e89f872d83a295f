import { Image, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { chartSvg, svgDataUrl, type Series } from './svg-chart';
import { Chips } from '../../../components/chips';
import './chart-card.scss';

const views = [
  { value: 'chart' as const, label: '图' },
  { value: 'table' as const, label: '表' },
];

export type ChartCardProps = {
  title: string;
  categories: string[];
  series: Series[];
  percent?: boolean;
  className?: string;
};

const WIDTH = 343;
const HEIGHT = 220;
const cell = (v: number, percent?: boolean) => (percent ? `${v.toFixed(1)}%` : String(v));

/** A chart with its table view (every chart can be read as numbers too). */
export function ChartCard({ title, categories, series, percent, className }: ChartCardProps) {
  const [table, setTable] = useState(false);
  const src = useMemo(
    () =>
      categories.length === 0
        ? ''
        : svgDataUrl(chartSvg({ categories, series, percent, width: WIDTH, height: HEIGHT })),
    [categories, series, percent],
  );
  return (
    <View className={`chart-card ${className ?? ''}`}>
      <View className="chart-head">
        <View className="chart-title">{title}</View>
        <Chips
          className="chart-toggle"
          options={views}
          value={[table ? 'table' : 'chart']}
          onChange={(v) => setTable(v === 'table')}
        />
      </View>
      {categories.length === 0 ? <View className="muted">暂无数据</View> : null}
      {categories.length > 0 && !table ? (
        <Image
          className="chart-image"
          src={src}
          style={{ width: `${WIDTH}px`, height: `${HEIGHT}px` }}
          mode="aspectFit"
        />
      ) : null}
      {categories.length > 0 && table ? (
        <View className="chart-table">
          <View className="chart-row chart-row-head">
            <View className="chart-cell chart-cell-name">项目</View>
            {series.map((s) => (
              <View key={s.name} className="chart-cell">
                {s.name}
              </View>
            ))}
          </View>
          {categories.map((c, i) => (
            <View key={c} className="chart-row">
              <View className="chart-cell chart-cell-name">{c}</View>
              {series.map((s) => (
                <View key={s.name} className="chart-cell">
                  {cell(s.values[i] ?? 0, percent)}
                </View>
              ))}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
