import { memo } from 'react';
import type { Contributor, Estimate, EntryAvailability } from '../analysis/numbers/availability.ts';
import { describeGain, downtimeOf, formatNines, formatPercent } from '../analysis/numbers/nines.ts';
import { nodeById } from '../model/ops.ts';
import { availabilityTargetOf, latencyBudgetOf } from '../model/props.ts';
import { LatencyLine, LoadFigures } from './LoadFigures.tsx';
import { useEditor, useEditorStore } from '../store/context.ts';
import type { CanvasTint } from '../store/editor.ts';
import { useLabel } from './useLabels.ts';
import { useShowNodes } from './useShowNodes.ts';

// The numbers an interviewer asks for, beside the review: how often each client can
// use the design, in a percentage, nines and downtime, what costs it most, how fast it
// answers, and the figure for all clients at once; then load against capacity and the
// monthly cost. With units failed by hand, the availability is the design's without them.

export function Numbers() {
  const report = useEditor((state) => state.analysis.availability);
  const failed = useEditor((state) => state.blastUnits);
  const tint = useEditor((state) => state.canvasTint);
  const store = useEditorStore();
  const label = useLabel();
  return (
    <section className="numbers" aria-label="Numbers">
      <header className="numbers-header">
        <h2>Numbers</h2>
        <label className="toggle">
          Colour the canvas by{' '}
          <select value={tint} onChange={(event) => store.getState().setCanvasTint(event.target.value as CanvasTint)}>
            <option value="none">findings only</option>
            <option value="downtime">downtime caused</option>
            <option value="load">load at peak</option>
          </select>
        </label>
      </header>
      <h3>Availability</h3>
      {!report && <p className="muted">Working the figures out…</p>}
      {report && report.entries.length === 0 && <p className="muted">Add a client to see how often it can use the design.</p>}
      {report && report.entries.length > 0 && (
        <>
          {failed.length > 0 && <p className="numbers-failed">With {failed.map(label).join(', ')} down.</p>}
          <ul className="entry-figures">
            {report.entries.map((entry, index) => (
              <EntryFigure key={entry.node} entry={entry} first={index === 0} />
            ))}
          </ul>
          {report.entries.length > 1 && (
            <div className="system-figure" aria-label="All clients">
              <h4>All clients at once</h4>
              <Figure estimate={report.system} />
            </div>
          )}
        </>
      )}
      <LoadFigures label={label} />
    </section>
  );
}

/** The top contributors shown per client; the first client's list starts open. */
const SHOWN = 3;

const EntryFigure = memo(function EntryFigure({ entry, first }: { entry: EntryAvailability; first: boolean }) {
  const label = useLabel();
  const node = useEditor((state) => nodeById(state.doc, entry.node));
  const target = node ? availabilityTargetOf(node) : undefined;
  return (
    <li className="entry-figure" aria-label={label(entry.node)}>
      <h4>{label(entry.node)}</h4>
      <Figure estimate={entry} />
      {target !== undefined && (
        <p className={entry.value >= target ? 'target-met' : 'target-missed'}>
          Target {formatPercent(target)}: {entry.value >= target ? 'met' : 'missed'}
        </p>
      )}
      <LatencyLine node={entry.node} budget={node ? latencyBudgetOf(node) : undefined} />
      {entry.contributors.length > 0 && <Contributors entry={entry} open={first} />}
    </li>
  );
});

function Figure({ estimate }: { estimate: Estimate }) {
  const downtime = downtimeOf(estimate.value);
  return (
    <div className="figure">
      <p className="figure-value">
        <strong>{formatPercent(estimate.value)}</strong> <span>{formatNines(estimate.value)}</span>
      </p>
      <p className="figure-downtime">
        Down {downtime.year} a year, {downtime.month} a month
      </p>
      {!estimate.exact && (
        <p className="figure-estimate">
          Estimated from {estimate.samples.toLocaleString('en')} random states: 95% sure it lies between {formatPercent(estimate.low)} and{' '}
          {formatPercent(estimate.high)}.
        </p>
      )}
    </div>
  );
}

function Contributors({ entry, open }: { entry: EntryAvailability; open: boolean }) {
  const showNodes = useShowNodes();
  const label = useLabel();
  const store = useEditorStore();
  return (
    <details className="contributors" open={open}>
      <summary>What to improve first</summary>
      <ol>
        {entry.contributors.slice(0, SHOWN).map((contributor: Contributor) => (
          <li key={contributor.unit}>
            <span className="contributor-text">
              <span className="contributor-name">{label(contributor.unit)}</span>
              <span className="contributor-gain">{describeGain(entry.value, contributor.gain)} if it never failed</span>
            </span>
            <span className="contributor-actions">
              <button type="button" aria-label={`Show ${label(contributor.unit)}`} onClick={() => showNodes([contributor.unit])}>
                Show
              </button>
              <button type="button" aria-label={`What if ${label(contributor.unit)} fails?`} onClick={() => store.getState().showBlast([contributor.unit])}>
                Fail it
              </button>
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
