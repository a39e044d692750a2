import { describeLatency, formatDollars, formatRate, formatUtilization } from '../analysis/numbers/load-words.ts';
import { busiestOf, busyOf } from '../analysis/numbers/headroom.ts';
import { useEditor } from '../store/context.ts';
import { useShowNodes } from './useShowNodes.ts';

// The load half of the Numbers region: the busiest components at the clients' peak,
// and what the design costs a month.

/** Components listed, busiest first. */
const BUSIEST = 6;

export function LoadFigures({ label }: { label(id: string): string }) {
  const load = useEditor((state) => state.analysis.load);
  const showNodes = useShowNodes();
  if (!load) return null;
  const busiest = busiestOf(load, BUSIEST);
  return (
    <>
      <h3>Load at peak</h3>
      {!load.active && <p className="muted">Set Requests/s on a client to check the design against its peak.</p>}
      {load.active && busiest.length === 0 && <p className="muted">The clients send requests, but to nothing yet: connect them to what serves them.</p>}
      {busiest.length > 0 && (
        <ul className="load-list" aria-label="Busiest components">
          {busiest.map((component) => {
            return (
              <li key={component.node} className={`load-row load-${busyOf(component.utilization)}`}>
                <span className="load-name">{label(component.node)}</span>
                <span className="load-figure">
                  {formatRate(component.rps)} of {formatRate(component.capacityRps)} requests/s ({formatUtilization(component.utilization)})
                </span>
                <span className="load-bar" aria-hidden>
                  <span style={{ width: `${Math.min(100, component.utilization * 100)}%` }} />
                </span>
                <button type="button" aria-label={`Show ${label(component.node)}`} onClick={() => showNodes([component.node])}>
                  Show
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <h3>Cost</h3>
      <p>
        About <strong>{formatDollars(load.cost.total)}</strong> a month
        {load.cost.components.length > 0 && (
          <span className="muted">
            {' '}
            (most: {load.cost.components.slice(0, 3).map((c) => `${label(c.node)} ${formatDollars(c.monthly)}`).join(', ')})
          </span>
        )}
      </p>
    </>
  );
}

/** A client's response time: mean and p99, against its budget when it has one. */
export function LatencyLine({ node, budget }: { node: string; budget: number | undefined }) {
  const latency = useEditor((state) => state.analysis.latency.find((entry) => entry.node === node));
  if (!latency) return null;
  const { text, over } = describeLatency(latency, budget);
  return <p className={`figure-latency${over ? ' target-missed' : ''}`}>{text}</p>;
}
