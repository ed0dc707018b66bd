import type { JSX } from 'preact';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

// Only what the dashboard draws: the bundle carries no other chart type.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Legend,
  Tooltip,
);
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#1f2937';
// On a phone a legend above a chart is taller than the chart: it goes below.
Chart.defaults.plugins.legend.position = matchMedia('(max-width: 600px)').matches
  ? 'bottom'
  : 'top';

const drawn = new Set<Chart>();

/** The width of an A4 page inside its 12 mm margins (styles.css, @page), in CSS pixels. */
const PRINT_WIDTH_PX = Math.floor(((210 - 2 * 12) / 25.4) * 96);

// A printed page is narrower than the screen, and the layout is still the screen's when
// `beforeprint` runs: a chart redrawn then would keep its screen width and lose its last months
// off the paper. So each is drawn at its share of the paper's width (the share its card gives it
// on screen), and at its own again after printing.
addEventListener('beforeprint', () => {
  for (const chart of drawn) {
    const box = chart.canvas.parentElement;
    const card = box?.closest('.card') ?? box?.parentElement;
    const share = box && card && card.clientWidth > 0 ? box.clientWidth / card.clientWidth : 1;
    chart.resize(Math.floor(PRINT_WIDTH_PX * Math.min(1, share)), chart.height);
  }
});
addEventListener('afterprint', () => {
  for (const chart of drawn) chart.resize();
});

interface Props {
  readonly config: ChartConfiguration;
  /** What the chart shows, for screen readers (the same figures are in a table nearby). */
  readonly label: string;
  readonly testId: string;
  readonly height?: number;
}

/** A Chart.js chart; `config` must be memoised by the caller, a new one redraws the chart. */
export function ChartCanvas({ config, label, testId, height = 280 }: Props): JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current === null) return undefined;
    const chart = new Chart(canvas.current, config);
    drawn.add(chart);
    return () => {
      drawn.delete(chart);
      chart.destroy();
    };
  }, [config]);
  const points = config.data.datasets.reduce((sum, dataset) => sum + dataset.data.length, 0);
  // What a test or a reader of the page source can check: how many values are gaps, and zeros.
  const values = config.data.datasets.flatMap((dataset) => dataset.data as unknown[]);
  const gaps = values.filter((value) => value === null).length;
  const zeros = values.filter((value) => value === 0).length;
  return (
    <div class="chart" style={{ height: `${height}px` }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        data-testid={testId}
        data-points={points}
        data-gaps={gaps}
        data-zeros={zeros}
      />
    </div>
  );
}
