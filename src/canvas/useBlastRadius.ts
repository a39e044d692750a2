import { blastRadius } from '../analysis/blast-radius.ts';
import type { Diagram } from '../model/types.ts';
import { useEditor } from '../store/context.ts';

export interface BlastView {
  unitId: string;
  lost: readonly string[];
  lostSet: ReadonlySet<string>;
  entriesAffected: readonly string[];
  affectedSet: ReadonlySet<string>;
}

// The canvas and the banner both show the same loss; the last one computed is kept so
// that it is worked out once per document change, not once per reader.
let last: { doc: Diagram; unitId: string; view: BlastView | null } | null = null;

function blastView(doc: Diagram, unitId: string): BlastView | null {
  if (last && last.doc === doc && last.unitId === unitId) return last.view;
  let view: BlastView | null = null;
  if (doc.nodes.some((node) => node.id === unitId)) {
    const result = blastRadius(doc, unitId);
    view = {
      unitId,
      lost: result.lost,
      lostSet: new Set(result.lost),
      entriesAffected: result.entriesAffected,
      affectedSet: new Set(result.entriesAffected),
    };
  }
  last = { doc, unitId, view };
  return view;
}

/** The loss the canvas is showing for the "What if this fails?" view, if any. */
export function useBlastRadius(): BlastView | null {
  const doc = useEditor((state) => state.doc);
  const unitId = useEditor((state) => state.blastUnit);
  return unitId ? blastView(doc, unitId) : null;
}
