import type { NodeDecor } from './view.ts';

const SYMBOL = { error: '!', warning: '▲', info: 'i' } as const;

/** The most severe finding about a node, on its corner. The canvas hides info badges
 *  with a class when info findings are hidden. */
export function FindingBadge({ decor }: { decor: NodeDecor }) {
  const { worst, findings } = decor;
  if (!worst) return null;
  return (
    <span className={`finding-badge severity-${worst}`} title={`${findings} finding${findings === 1 ? '' : 's'}, worst: ${worst}`}>
      {SYMBOL[worst]}
    </span>
  );
}
