import type { Point } from '../model/types.ts';
import type { EditorStore, LivePresence } from '../store/editor.ts';
import { cleanName, colourAmong, colourOf, dragFieldOf, guestName, IDS_MAX, movedSince, readPeers, type PersonLook } from './presence.ts';
import { createThrottle, type FrameClock } from './throttle.ts';

// Presence over the provider's awareness: this person's name, colour, pointer,
// selection and drag go out as awareness fields, and everyone else's come back
// through presence.ts's checks into the store. Drags travel here while they last;
// the document gets the move once, on release (store/editor.ts endGesture).

export const NAME_KEY = 'faultline:name';

/** The part of y-protocols' Awareness this uses. */
export interface AwarenessLike {
  clientID: number;
  getStates(): Map<number, unknown>;
  setLocalStateField(field: string, value: unknown): void;
  on(event: 'change', listener: (changes: { added: number[]; updated: number[]; removed: number[] }) => void): void;
  off(event: 'change', listener: (changes: { added: number[]; updated: number[]; removed: number[] }) => void): void;
}

type NameStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;

function browserStorage(): NameStorage {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function attempt<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch {
    // Storage refused (privacy settings, quota): the name lasts this visit.
    return otherwise;
  }
}

export interface SharedPresence {
  me(): PersonLook;
  dispose(): void;
}

export function sharePresence(store: EditorStore, awareness: AwarenessLike, options: { storage?: NameStorage; clock?: FrameClock } = {}): SharedPresence {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const self = awareness.clientID;
  let me: PersonLook = { name: cleanName(attempt(() => storage?.getItem(NAME_KEY) ?? '', '')) || guestName(self), colour: colourOf(self) };
  awareness.setLocalStateField('present', true);
  awareness.setLocalStateField('user', me);

  const cursor = createThrottle<Point | null>((at) => awareness.setLocalStateField('cursor', at), 50, options.clock);
  const drag = createThrottle<Map<string, Point>>((moved) => awareness.setLocalStateField('drag', dragFieldOf(moved)), 50, options.clock);
  const publishSelection = (ids: ReadonlySet<string>) => awareness.setLocalStateField('selection', [...ids].slice(0, IDS_MAX));
  publishSelection(store.getState().selectedNodes);

  const presence: LivePresence = {
    point: (at) => cursor.push(at),
    rename(name) {
      const cleaned = cleanName(name);
      attempt(() => (cleaned ? storage?.setItem(NAME_KEY, cleaned) : storage?.removeItem(NAME_KEY)), undefined);
      show({ ...me, name: cleaned || guestName(self) });
    },
  };
  function show(look: PersonLook) {
    me = look;
    awareness.setLocalStateField('user', me);
    store.getState().receiveLive(null, { me });
  }

  const refresh = () => {
    const { doc } = store.getState();
    const peers = readPeers(awareness.getStates(), self, new Set(doc.nodes.map((node) => node.id)));
    store.getState().receivePeers(peers);
    // Two people in one colour could not tell their pointers apart.
    const colour = colourAmong(self, me.colour, peers);
    if (colour !== me.colour) show({ ...me, colour });
    // Counted as listed: a state that is not a person's is neither.
    if (store.getState().live?.people !== peers.length + 1) store.getState().receiveLive(null, { people: peers.length + 1 });
  };
  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    // This client's own fields change as often as its pointer moves; the peers did not.
    if ([...added, ...updated, ...removed].every((id) => id === self)) return;
    refresh();
  };
  awareness.on('change', onChange);

  const unsubscribe = [
    store.subscribe((state) => state.selectedNodes, publishSelection),
    store.subscribe(
      (state) => state.doc,
      (doc) => {
        const { gestureBase } = store.getState();
        if (gestureBase) return drag.push(movedSince(gestureBase, doc));
        // A peer's selection may name a component whose creation had not arrived yet.
        refresh();
      },
    ),
    store.subscribe(
      (state) => state.gestureBase,
      (base) => {
        if (base) return;
        drag.cancel();
        // Once the release is in the document: endGesture writes the move right after
        // clearing the gesture, and the room's update then goes out before this does,
        // so nobody sees the component jump back to where the drag began.
        queueMicrotask(() => awareness.setLocalStateField('drag', null));
      },
    ),
  ];
  store.getState().joinPresence(presence);
  refresh();

  return {
    me: () => me,
    dispose() {
      for (const stop of unsubscribe) stop();
      awareness.off('change', onChange);
      cursor.cancel();
      drag.cancel();
      store.getState().joinPresence(null);
      store.getState().receivePeers([]);
    },
  };
}
