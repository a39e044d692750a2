import { useEditor } from '../store/context.ts';

const SYMBOL = { error: '!', warning: '▲', info: 'i' } as const;

/** The most severe finding about a node, on its corner. */
export function FindingBadge({ id }: { id: string }) {
  const severity = useEditor((state) => state.analysis.worstByNode.get(id));
  const count = useEditor((state) => state.analysis.countByNode.get(id) ?? 0);
  const showInfo = useEditor((state) => state.showInfo);
  if (!severity || (severity === 'info' && !showInfo)) return null;
  return (
    <span className={`finding-badge severity-${severity}`} title={`${count} finding${count === 1 ? '' : 's'}, worst: ${severity}`}>
      {SYMBOL[severity]}
    </span>
  );
}
