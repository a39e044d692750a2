import { memo, useMemo, useState } from 'react';
import type { Finding, Severity } from '../analysis/types.ts';
import { useEditor, useEditorStore } from '../store/context.ts';
import type { FindingsGrouping } from '../store/editor.ts';
import { groupByComponent } from './findingGroups.ts';
import { useLabels } from './useLabels.ts';
import { useShowNodes } from './useShowNodes.ts';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const GROUPINGS: Record<FindingsGrouping, string> = { severity: 'Severity', component: 'Component' };

/** The design review: counts per severity, each a filter, then each finding grouped by
 *  severity or listed under each component it is about. */
export function Findings() {
  const findings = useEditor((state) => state.analysis.findings);
  const showInfo = useEditor((state) => state.showInfo);
  const grouping = useEditor((state) => state.findingsGrouping);
  const store = useEditorStore();
  const [only, setOnly] = useState<Severity | null>(null);
  const bySeverity = useMemo(() => {
    const groups = new Map<Severity, Finding[]>(SEVERITIES.map((severity) => [severity, []]));
    for (const finding of findings) groups.get(finding.severity)!.push(finding);
    return groups;
  }, [findings]);
  // A count pressed shows its severity alone, info included while Show info is off.
  const shown = useMemo(() => SEVERITIES.filter((severity) => (only ? severity === only : severity !== 'info' || showInfo)), [only, showInfo]);
  const listed = useMemo(() => shown.flatMap((severity) => bySeverity.get(severity)!), [bySeverity, shown]);

  return (
    <section className="findings" aria-label="Findings">
      <header className="findings-header">
        <h2>Review</h2>
        <p className="findings-counts" role="group" aria-label="Finding counts">
          {SEVERITIES.map((severity) => (
            <button
              type="button"
              key={severity}
              className={`count severity-${severity}`}
              aria-pressed={only === severity}
              title={only === severity ? 'Show every finding' : `Show only ${HEADINGS[severity].toLowerCase()}`}
              onClick={() => setOnly(only === severity ? null : severity)}
            >
              {bySeverity.get(severity)!.length} {bySeverity.get(severity)!.length === 1 ? severity : `${severity}s`}
            </button>
          ))}
        </p>
        <label className="toggle">
          <input type="checkbox" checked={showInfo} onChange={(event) => store.getState().setShowInfo(event.target.checked)} />
          Show info
        </label>
        <label className="findings-grouping">
          Group by{' '}
          <select value={grouping} onChange={(event) => store.getState().setFindingsGrouping(event.target.value as FindingsGrouping)}>
            {Object.entries(GROUPINGS).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </header>
      {findings.length === 0 && <p className="muted">No findings. Add components and connect them to get a review.</p>}
      {grouping === 'component' ? (
        <ByComponent findings={listed} />
      ) : (
        shown.map((severity) => {
          const list = bySeverity.get(severity)!;
          if (list.length === 0) return null;
          return <FindingGroup key={severity} heading={HEADINGS[severity]} list={list} />;
        })
      )}
    </section>
  );
}

function ByComponent({ findings }: { findings: readonly Finding[] }) {
  const labels = useLabels();
  const groups = useMemo(() => groupByComponent(findings, (id) => labels.get(id)), [findings, labels]);
  return groups.map((group) => <FindingGroup key={group.id ?? ''} heading={group.label} count={group.findings.length} list={group.findings} />);
}

/** Findings shown at first per group: a large diagram can have thousands, and
 *  rendering them all would slow every edit. */
export const FIRST_SHOWN = 50;

function FindingGroup({ heading, count, list }: { heading: string; count?: number; list: readonly Finding[] }) {
  const [limit, setLimit] = useState(FIRST_SHOWN);
  const hidden = list.length - limit;
  return (
    <section aria-label={heading}>
      <h3>
        {heading}
        {count !== undefined && <span className="finding-count"> ({count})</span>}
      </h3>
      <ul className="finding-list">
        {list.slice(0, limit).map((finding, index) => (
          <FindingItem key={`${finding.rule}:${finding.nodes[0] ?? ''}:${index}`} finding={finding} />
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" className="show-more" onClick={() => setLimit(list.length)}>
          Show {hidden} more
        </button>
      )}
    </section>
  );
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** Each review arrives as new objects from the worker; a finding that reads the same
 *  is not drawn again. */
function sameFinding(a: Finding, b: Finding): boolean {
  return a.rule === b.rule && a.severity === b.severity && a.message === b.message && a.cap === b.cap && sameIds(a.nodes, b.nodes) && sameIds(a.edges, b.edges);
}

const FindingItem = memo(function FindingItem({ finding }: { finding: Finding }) {
  const store = useEditorStore();
  const showNodes = useShowNodes();
  const rule = useEditor((state) => state.analysis.rules.get(finding.rule));
  const { subjects, actions } = finding;
  const show = () => showNodes(subjects, finding.edges);
  const light = () => store.getState().highlightNodes(subjects);
  const unlight = () => store.getState().highlightNodes([]);
  return (
    <li className={`finding severity-${finding.severity}`} onMouseEnter={light} onMouseLeave={unlight} onFocus={light} onBlur={unlight}>
      <p className="finding-message">
        <span className="finding-rule">{rule?.title ?? finding.rule}</span> {finding.message}
      </p>
      <div className="finding-actions">
        {actions.includes('show') && (
          <button type="button" onClick={show}>
            Show
          </button>
        )}
        {actions.includes('what-if') && (
          <button type="button" onClick={() => store.getState().showBlast(subjects.slice(0, 1))}>
            What if this fails?
          </button>
        )}
      </div>
      {rule && (
        <details>
          <summary>Why, and how to fix it</summary>
          <p>{rule.why}</p>
          <p>
            <strong>Fix: </strong>
            {rule.fix}
          </p>
        </details>
      )}
    </li>
  );
}, (before, after) => sameFinding(before.finding, after.finding));
