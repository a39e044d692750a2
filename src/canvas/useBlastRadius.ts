import { useMemo } from 'react';
import { blastRadius } from '../analysis/blast-radius.ts';
import { useEditor } from '../store/context.ts';

export interface BlastView {
  unitId: string;
  lost: readonly string[];
  lostSet: ReadonlySet<string>;
  entriesAffected: readonly string[];
  affectedSet: ReadonlySet<string>;
}

/** The loss the canvas is showing for the "What if this fails?" view, if any. */
export function useBlastRadius(): BlastView | null {
  const doc = useEditor((state) => state.doc);
  const unitId = useEditor((state) => state.blastUnit);
  return useMemo(() => {
    if (!unitId || !doc.nodes.some((node) => node.id === unitId)) return null;
    const result = blastRadius(doc, unitId);
    return {
      unitId,
      lost: result.lost,
      lostSet: new Set(result.lost),
      entriesAffected: result.entriesAffected,
      affectedSet: new Set(result.entriesAffected),
    };
  }, [doc, unitId]);
}
