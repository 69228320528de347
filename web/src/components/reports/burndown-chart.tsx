import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { WeeklyReview } from '../../api/reports.js';

const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4b5563', '#ca8a04'];

/** Remaining budget per SLO over the week (uPlot), with the incidents' impact shaded behind the lines. */
export function BurndownChart({ burndown, timeZone }: { burndown: WeeklyReview['burndown']; timeZone: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element || !burndown.series.length) return;
    const data: uPlot.AlignedData = [burndown.points.map((p) => p / 1000), ...burndown.series.map((s) => s.remaining.map((v) => (v === null ? null : v * 100)))];
    const bands = burndown.bands;
    const plot = new uPlot(
      {
        width: Math.min(element.clientWidth || 720, 900),
        height: 260,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
        scales: { y: { range: (_u, min, max) => [Math.min(0, min ?? 0), Math.max(100, max ?? 100)] } },
        axes: [{}, { size: 64, values: (_u, ticks) => ticks.map((t) => `${t} %`) }],
        series: [{}, ...burndown.series.map((s, i) => ({ label: s.name, stroke: COLOURS[i % COLOURS.length], width: 2, spanGaps: false }))],
        hooks: {
          drawClear: [
            (u) => {
              const ctx = u.ctx;
              ctx.save();
              ctx.fillStyle = 'rgba(220, 38, 38, 0.12)';
              for (const band of bands) {
                const left = u.valToPos(band.start / 1000, 'x', true);
                const right = u.valToPos(band.end / 1000, 'x', true);
                ctx.fillRect(left, u.bbox.top, Math.max(2, right - left), u.bbox.height);
              }
              ctx.restore();
            },
          ],
        },
      },
      data,
      element,
    );
    return () => plot.destroy();
  }, [burndown, timeZone]);
  return <div ref={box} className="burndown-chart" data-testid="burndown-chart" />;
}
