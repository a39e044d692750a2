import * as Y from 'yjs';
import { validateCandidate, type Verdict } from '../src/collab/guard.ts';
import { createMirror } from '../src/collab/ydiagram.ts';

// The server's copy of the client's gate (src/collab/guard.ts): an update that would
// make a room's document invalid (a dangling edge, an unknown kind, a bad property) is
// refused before it is logged, applied, stored or sent on. Every client would refuse
// it anyway, but a client that joins later receives the room whole, and a room that
// holds one bad change is a room every client refuses; so the server keeps it out.
//
// Each room has a probe: a copy of its document, kept level by the document's own
// updates. A candidate update is tried on the probe; if the result is invalid, the
// probe is rebuilt from the document. A room that is already invalid (kept from before
// this check, say) takes updates as before: refusing them would only stop it being
// repaired.

export interface RoomCheck {
  check(update: Uint8Array): Verdict;
  dispose(): void;
}

const isEmpty = (doc: Y.Doc) => doc.store.clients.size === 0;

export function checkRoom(document: Y.Doc, validate = validateCandidate): RoomCheck {
  let probe: Y.Doc;
  let mirror: ReturnType<typeof createMirror>;
  let validNow: boolean;
  const rebuild = () => {
    probe = new Y.Doc({ gc: false });
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(document));
    mirror = createMirror(probe);
    validNow = isEmpty(probe) || validate(mirror.read()).ok;
  };
  rebuild();
  const follow = (update: Uint8Array) => Y.applyUpdate(probe, update);
  document.on('update', follow);

  return {
    check(update) {
      if (!validNow) return { ok: true };
      let verdict: Verdict;
      try {
        Y.applyUpdate(probe, update);
        verdict = isEmpty(probe) ? { ok: true } : validate(mirror.read());
      } catch (error) {
        verdict = { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
      if (!verdict.ok) {
        mirror.dispose();
        probe.destroy();
        rebuild();
      }
      return verdict;
    },
    dispose() {
      document.off('update', follow);
      mirror.dispose();
      probe.destroy();
    },
  };
}
