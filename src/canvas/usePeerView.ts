import { useMemo } from 'react';
import { withPeerDrags } from '../collab/presence.ts';
import { moveNodes } from '../model/ops.ts';
import type { Diagram } from '../model/types.ts';
import { useEditor } from '../store/context.ts';
import { dragsKey, selectedByOf, selectionsKey } from './peers.ts';

/** The document as the canvas shows it in a live room, with the components others
 *  drag where they hold them, and who has each component selected. Both stay the
 *  same objects while only the others' pointers move. */
export function usePeerView(doc: Diagram) {
  const peers = useEditor((state) => state.peers);
  const selections = selectionsKey(peers);
  const drags = dragsKey(peers);
  // The keys say when peers' selections or drags changed; `peers` is read for them.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const selectedBy = useMemo(() => selectedByOf(peers), [selections]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const shown = useMemo(() => (drags ? withPeerDrags(doc, peers, moveNodes) : doc), [doc, drags]);
  return { shown, selectedBy };
}
