// A dyad's or actor's time series with uPlot: cooperation, conflict and net
// cooperation per period, plus the Goldstein mean on its own scale. A data
// table follows for screen readers and keyboard users.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';
import { fmtNumber, periodToSeconds, QUAD_COLORS } from '../format';
import type { SeriesPoint } from '../types';

// Month buckets get "2024-03" tick labels; days and weeks keep uPlot's.
const monthTicks = (_u: uPlot, splits: number[]) => splits.map((s) => new Date(s * 1000).toISOString().slice(0, 7));
// Ticks on the buckets themselves, thinned to about one per 70 px.
const monthSplits = (u: uPlot) => {
  const xs = u.data[0] as number[];
  const k = Math.max(1, Math.ceil(xs.length / Math.max(1, Math.floor(u.width / 70))));
  return xs.filter((_, i) => i % k === 0);
};

export function SeriesChart({ points, title, granularity = 'week' }: {
  points: SeriesPoint[];
  title: string;
  granularity?: 'day' | 'week' | 'month';
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || points.length === 0) return;
    const data: uPlot.AlignedData = [
      points.map((p) => periodToSeconds(p.period)),
      points.map((p) => p.cooperation),
      points.map((p) => p.conflict),
      points.map((p) => p.net_cooperation),
      points.map((p) => (p.events ? p.goldstein_mean : null)),
    ];
    const width = () => Math.max(280, el.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: 260,
        title,
        scales: { x: { time: true }, g: { range: [-10, 10] } },
        axes: [
          granularity === 'month' ? { values: monthTicks, splits: monthSplits } : {},
          { label: 'events' }, { scale: 'g', side: 1, label: 'Goldstein mean', grid: { show: false } }],
        series: [
          {},
          { label: 'Cooperation', stroke: QUAD_COLORS[2], width: 2 },
          { label: 'Conflict', stroke: QUAD_COLORS[4], width: 2 },
          { label: 'Net cooperation', stroke: '#333', dash: [6, 4], width: 1.5 },
          { label: 'Goldstein mean', stroke: '#7b3294', scale: 'g', width: 1, points: { show: true } },
        ],
      },
      data,
      el,
    );
    const ro = new ResizeObserver(() => plot.setSize({ width: width(), height: 260 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [points, title, granularity]);
  if (points.length === 0) return <p class="muted">No events in this range.</p>;
  return (
    <div>
      <div ref={ref} class="chart" data-testid="series-chart" aria-hidden="true" />
      <details class="data-table">
        <summary>Show the numbers</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th><th scope="col">Events</th><th scope="col">Cooperation</th>
              <th scope="col">Conflict</th><th scope="col">Net</th><th scope="col">Goldstein mean</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.period}>
                <th scope="row">{p.period}</th><td>{p.events}</td><td>{p.cooperation}</td><td>{p.conflict}</td>
                <td>{p.net_cooperation}</td><td>{p.events ? fmtNumber(p.goldstein_mean, 2) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
