/**
 * A small wrapper around ECharts, tree-shaken: only the bar and pie charts and the components the dashboard uses
 * are registered (ENGINEERING.md: full echarts is 700 kB gzipped). The chart follows its container's size and is
 * disposed with the component.
 */
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartPick } from './chart-options.ts';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface EChartProps {
  option: echarts.EChartsCoreOption;
  /** How a click picks the datum: the category under the pointer (anywhere in its band: easy to tap on a phone), or the slice clicked. */
  pick: ChartPick;
  onPick: (index: number) => void;
  height: number;
  /** What the chart shows, with its figures, for screen readers (the canvas itself says nothing). */
  label: string;
  testId?: string;
}

export function EChart({ option, pick, onPick, height, label, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;

  useEffect(() => {
    const chart = echarts.init(ref.current!, undefined, { renderer: 'canvas', locale: 'ZH' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current!);
    if (pick === 'item') {
      chart.on('click', (params) => {
        if (typeof params.dataIndex === 'number') pickRef.current(params.dataIndex);
      });
    } else {
      chart.getZr().on('click', (event) => {
        const point = [event.offsetX, event.offsetY];
        if (!chart.containPixel('grid', point)) return;
        const [x, y] = chart.convertFromPixel({ gridIndex: 0 }, point) as [number, number];
        const index = Math.round(pick === 'x' ? x : y);
        if (Number.isInteger(index) && index >= 0) pickRef.current(index);
      });
    }
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [pick]);

  useEffect(() => {
    chartRef.current?.setOption(option, true);
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height, cursor: 'pointer' }} />;
}
