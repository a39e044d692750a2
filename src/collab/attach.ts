import * as Y from 'yjs';
import { emptyDiagram, type Diagram } from '../model/types.ts';
import type { EditorStore, LiveState } from '../store/editor.ts';
import { bindStore } from './binding.ts';
import { guardRoom, validateCandidate } from './guard.ts';
import { seedDiagram } from './ydiagram.ts';

// Puts the editor in a room: a trusted Y.Doc behind the guard, bound to the store.
// The one who shares seeds the room with the open diagram; one who joins starts
// from whatever the room holds that passes validation.

export interface AttachedRoom {
  trusted: Y.Doc;
  detach(): void;
}

/** `trusted` is the room's doc on this side of the guard, empty or as this browser kept
 *  it (offline.ts); the room owns it from here on. */
export function attachRoom(store: EditorStore, network: Y.Doc, trusted: Y.Doc, options: { seed?: Diagram; live: LiveState }): AttachedRoom {
  if (options.seed) seedDiagram(trusted, options.seed);
  const { showNotice } = store.getState();
  const guard = guardRoom(network, trusted, {
    refused: (reason) => showNotice({ kind: 'error', text: `A change from someone in the room was refused, because ${reason}. This copy stays as it was.` }),
    mended: (what) => showNotice({ kind: 'info', text: what }),
  });
  const binding = bindStore(store, trusted);
  const current = binding.current();
  const doc = validateCandidate(current).ok ? current : emptyDiagram();
  store.getState().goLive(binding.liveDocument, doc, options.live);
  return {
    trusted,
    detach() {
      binding.dispose();
      guard.dispose();
      store.getState().leaveLive();
      trusted.destroy();
    },
  };
}
