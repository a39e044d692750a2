import { useMemo } from 'react';
import type { Diagram } from '../model/types.ts';
import { useEditor, useEditorStore } from '../store/context.ts';
import { dragsKey, marksKey, marksOf, withPeerDrags } from './peers.ts';

/** The document as the canvas shows it in a live room, with the components others
 *  drag where they hold them, and the others' marks on components. The canvas
 *  subscribes to the keys only, so the others' pointer moves do not re-render it. */
export function usePeerView(doc: Diagram) {
  const store = useEditorStore();
  const marks = useEditor((state) => marksKey(state.peers));
  const drags = useEditor((state) => dragsKey(state.peers));
  // The keys say when the peers' marks or drags changed; the peers are read for them.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const marked = useMemo(() => marksOf(store.getState().peers), [store, marks]);
  const shown = useMemo(() => (drags ? withPeerDrags(doc, store.getState().peers) : doc), [store, doc, drags]);
  return { shown, marked };
}
