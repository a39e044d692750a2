import * as Y from 'yjs';
import { createTestEditor } from '../commands/testing.ts';
import type { Diagram } from '../model/types.ts';
import type { LiveState } from '../store/editor.ts';
import { attachRoom } from './attach.ts';
import { validateCandidate } from './guard.ts';
import { readDiagram } from './ydiagram.ts';

// For tests: people in one room without a server. Each has an editor and a network
// Y.Doc; `relay` passes updates between network docs as the server would, and can
// hold them back to make two edits concurrent. Only tests import this file.

const RELAY = Symbol('relay');

export const testLive = (): LiveState => ({ status: 'connected', unsent: 0, people: 2, me: { name: 'Test', colour: 'red' }, canUndo: false, canRedo: false, viewLink: '', editLink: '' });

export function createRelay() {
  const networks: Y.Doc[] = [];
  let held: { from: Y.Doc; update: Uint8Array }[] | null = null;
  // The room's document as a server holds it, and the updates it would have refused
  // (server/room-check.ts) because the document they made was invalid.
  const server = new Y.Doc();
  const refused: string[] = [];
  const deliver = (from: Y.Doc, update: Uint8Array) => {
    Y.applyUpdate(server, update);
    const verdict = server.store.clients.size === 0 ? null : validateCandidate(readDiagram(server));
    if (verdict && !verdict.ok) refused.push(verdict.reason);
    for (const doc of networks) if (doc !== from) Y.applyUpdate(doc, update, RELAY);
  };
  const send = (network: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (origin === RELAY || !networks.includes(network)) return;
    if (held) held.push({ from: network, update });
    else deliver(network, update);
  };
  return {
    /** Why a server would have refused an update: each one seen alone, in the order it came. */
    refused,
    /** A Y.Doc in the room, as a provider's would be; `network`, when given, is one
     *  that was offline (see `disconnect`) and syncs both ways as it comes back. */
    connect(network = new Y.Doc()): Y.Doc {
      for (const doc of networks) Y.applyUpdate(network, Y.encodeStateAsUpdate(doc), RELAY);
      deliver(network, Y.encodeStateAsUpdate(network));
      network.on('update', send(network));
      networks.push(network);
      return network;
    },
    /** Takes a network doc out of the room, as a lost connection would: its edits
     *  stay on it and nothing reaches it. */
    disconnect(network: Y.Doc) {
      networks.splice(networks.indexOf(network), 1);
    },
    /** Keeps updates until `release`: everything done meanwhile is concurrent. */
    hold() {
      held = [];
    },
    release() {
      const pending = held ?? [];
      held = null;
      for (const { from, update } of pending) deliver(from, update);
    },
  };
}

export type Relay = ReturnType<typeof createRelay>;

/** A person in the room: the first one shares `seed`, the others join. */
export function joinTestRoom(relay: Relay, seed?: Diagram) {
  const editor = createTestEditor();
  const network = relay.connect();
  const room = attachRoom(editor.store, network, new Y.Doc(), { seed, live: testLive() });
  return { ...editor, network, room };
}
