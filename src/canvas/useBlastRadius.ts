import { blastRadius } from '../analysis/blast-radius.ts';
import type { Diagram } from '../model/types.ts';
import { useEditor } from '../store/context.ts';
import type { Editor } from '../store/editor.ts';

export interface BlastView {
  /** The units failed on purpose, as chosen. */
  unitIds: readonly string[];
  down: readonly string[];
  stopped: readonly string[];
  /** Everything drawn dimmed: what is down and what stopped. */
  lostSet: ReadonlySet<string>;
  entriesAffected: readonly string[];
  affectedSet: ReadonlySet<string>;
}

// The canvas and the banner both show the same loss; the last one computed is kept so
// that it is worked out once per document change, not once per reader.
let last: { doc: Diagram; unitIds: readonly string[]; view: BlastView | null } | null = null;

function blastView(doc: Diagram, unitIds: readonly string[]): BlastView | null {
  if (last && last.doc === doc && last.unitIds === unitIds) return last.view;
  const present = unitIds.filter((id) => doc.nodes.some((node) => node.id === id));
  let view: BlastView | null = null;
  if (present.length > 0) {
    const result = blastRadius(doc, present);
    view = {
      unitIds: present,
      down: result.down,
      stopped: result.stopped,
      lostSet: new Set([...result.down, ...result.stopped]),
      entriesAffected: result.entriesAffected,
      affectedSet: new Set(result.entriesAffected),
    };
  }
  last = { doc, unitIds, view };
  return view;
}

/** The document while some unit is failed, else null: a component that shows the
 *  failure view reads it so, or every edit would render it again for a view that is
 *  not there. */
export const docWhileFailed = (state: Editor): Diagram | null => (state.blastUnits.length > 0 ? state.doc : null);

/** The loss the canvas is showing for the "What if this fails?" view, if any. */
export function useBlastRadius(): BlastView | null {
  const doc = useEditor(docWhileFailed);
  const unitIds = useEditor((state) => state.blastUnits);
  return doc && unitIds.length > 0 ? blastView(doc, unitIds) : null;
}
