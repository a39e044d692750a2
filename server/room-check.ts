import * as Y from 'yjs';
import { checkedCopy, type CheckedCopy } from '../src/collab/changes.ts';
import { validateCandidate, type Verdict } from '../src/collab/guard.ts';

// The server's copy of the client's gate (src/collab/guard.ts): an update that would
// make a room's document invalid (a dangling edge, an unknown kind, a bad property) is
// refused before it is logged, applied, stored or sent on. Every client would refuse
// it anyway, but a client that joins later receives the room whole, and a room that
// holds one bad change is a room every client refuses; so the server keeps it out.
//
// Each room has a probe: its document plus the updates accepted and not applied yet
// (Hocuspocus applies one as soon as its check resolves), kept level by the document's
// own updates.
// Candidates are checked in batches: those that arrive while one check runs are tried
// together on the probe, and only if the batch fails are they tried one by one, the
// probe rebuilt after each refusal.
//
// A probe known valid is checked by what changed (src/collab/changes.ts).
//
// A room that is already invalid (kept from before this check, say) takes updates as
// before: refusing them would only stop it being repaired.

export interface RoomCheck {
  check(update: Uint8Array): Promise<Verdict>;
  /** `update`, accepted, is in the document now (or never will be). */
  landed(update: Uint8Array): void;
  dispose(): void;
}

export function checkRoom(document: Y.Doc, validate = validateCandidate): RoomCheck {
  let probe: CheckedCopy;
  const inFlight: Uint8Array[] = [];
  const verdictOf = () => probe.check();
  const rebuild = () => {
    probe?.dispose();
    probe = checkedCopy([Y.encodeStateAsUpdate(document), ...inFlight], validate);
  };
  rebuild();
  let validNow = verdictOf().ok;
  const follow = (update: Uint8Array) => Y.applyUpdate(probe.doc, update);
  document.on('update', follow);

  const tryOn = (updates: Uint8Array[]): Verdict => {
    try {
      for (const update of updates) Y.applyUpdate(probe.doc, update);
      return verdictOf();
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };

  let waiting: { update: Uint8Array; resolve: (verdict: Verdict) => void }[] = [];
  const settle = () => {
    const batch = waiting;
    waiting = [];
    const accept = (item: (typeof batch)[number]) => {
      inFlight.push(item.update);
      item.resolve({ ok: true });
    };
    if (!validNow) {
      validNow = tryOn(batch.map((item) => item.update)).ok;
      batch.forEach(accept);
      return;
    }
    if (tryOn(batch.map((item) => item.update)).ok) {
      batch.forEach(accept);
      return;
    }
    rebuild();
    // Changes that came another way (through Redis, from a server that checked them) may have made the room invalid already.
    if (!verdictOf().ok) {
      validNow = tryOn(batch.map((item) => item.update)).ok;
      batch.forEach(accept);
      return;
    }
    for (const item of batch) {
      const verdict = tryOn([item.update]);
      if (verdict.ok) accept(item);
      else {
        rebuild();
        verdictOf();
        item.resolve(verdict);
      }
    }
  };

  return {
    check(update) {
      return new Promise((resolve) => {
        if (waiting.length === 0) setImmediate(settle);
        waiting.push({ update, resolve });
      });
    },
    landed(update) {
      const index = inFlight.indexOf(update);
      if (index >= 0) inFlight.splice(index, 1);
    },
    dispose() {
      document.off('update', follow);
      probe.dispose();
    },
  };
}
