import * as Y from 'yjs';
import { describeImportError, importValue } from '../io/import.ts';
import { checkedCopy } from './changes.ts';
import { describeMend, isLoose, looseEnds, tieUp, type Loose } from './mend.ts';
import { rootsOf } from './ydiagram.ts';

// The gate between the room and this client. The provider syncs the `network`
// Y.Doc with the server; the editor reads and writes the `trusted` one. A peer's
// update crosses from network to trusted only when the document it makes passes
// the same validation as a file (io/import.ts): it is tried first on `probe`, a
// copy of trusted checked by what the update changed (changes.ts), and an update
// that would make the document invalid (a dangling edge, an unknown kind, a bad
// property) never reaches trusted, so it is never shown, analysed or saved here.
// Local edits go the other way unchecked: they come from the editor's own
// operations on a document that was valid.
//
// Two valid edits that cross (a connection to a component someone deletes meanwhile)
// make an invalid document without anyone at fault. That is mended, not refused
// (mend.ts), on both sides: a peer's update goes in together with the mend, and a
// local change that leaves loose ends (an undo of a component a peer connected to
// since) is followed by its mend before anything goes out, the two sent as one
// update, so the server never sees the document invalid.

export const FROM_NETWORK = Symbol('from the room');
const FROM_TRUSTED = Symbol('from this client');
/** A mend made here, of a peer's update or of a local change. */
const MENDED = Symbol('mended here');

/** The fields by which an element names a component. */
const REFERENCES = ['parentId', 'source', 'target'];

/** Whether `transaction` added or deleted an element, or changed which component one
 *  names: only such a change can leave loose ends. A move, on every frame of a drag,
 *  is neither, and the whole document is not looked through for it. */
function mayLeaveLoose(transaction: Y.Transaction, roots: ReadonlySet<unknown>): boolean {
  for (const [type, keys] of transaction.changed) {
    if (roots.has(type) || REFERENCES.some((key) => keys.has(key))) return true;
  }
  return false;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

export function validateCandidate(candidate: unknown): Verdict {
  const result = importValue(candidate);
  return result.ok ? { ok: true } : { ok: false, reason: describeImportError(result.error) };
}

/** A copy of `doc` to try a peer's updates on. */
const probeOf = (doc: Y.Doc, validate: typeof validateCandidate) => checkedCopy([Y.encodeStateAsUpdate(doc)], validate, { gc: false });

/** The clients whose changes `update` holds (none when it only deletes, or is not an update). */
function writersOf(update: Uint8Array): number[] {
  try {
    return [...Y.parseUpdateMeta(update).to.keys()];
  } catch {
    return [];
  }
}

/** What `writer` wrote in `update`. Yjs does not record who deleted what, so the
 *  update's deletions come with every part, and a part is refused when they would make
 *  the document invalid. So a refused change that overwrote a field (a map key's old
 *  value is deleted) can still take the old value away in a valid part: the field then
 *  reads as its default here. Refusing the whole batch instead would lose everyone's
 *  changes whenever one who joins, or reloads, meets a refused change in the room. */
function partOf(update: Uint8Array, writer: number, writers: readonly number[]): Uint8Array {
  const others = new Map(writers.filter((client) => client !== writer).map((client) => [client, Number.MAX_SAFE_INTEGER]));
  return Y.diffUpdate(update, Y.encodeStateVector(others));
}

export interface Guard {
  dispose(): void;
}

export interface GuardEvents {
  refused(reason: string): void;
  mended(what: string): void;
}

export function guardRoom(network: Y.Doc, trusted: Y.Doc, events: GuardEvents, validate = validateCandidate): Guard {
  let probe = probeOf(trusted, validate);

  // This client's changes go out once the transactions they started are over, as one
  // update: a local change and its mend reach the room together.
  let outgoing: Uint8Array[] = [];
  const fromTrusted = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_NETWORK) return;
    Y.applyUpdate(probe.doc, update);
    outgoing.push(update);
  };
  const sendOut = () => {
    if (outgoing.length === 0) return;
    const update = outgoing.length === 1 ? outgoing[0]! : Y.mergeUpdates(outgoing);
    outgoing = [];
    Y.applyUpdate(network, update, FROM_TRUSTED);
  };
  const mend = (loose: Loose) => {
    trusted.transact(() => tieUp(trusted, loose), MENDED);
    events.mended(describeMend(loose, false));
  };
  /** A local change that left loose ends is mended in a transaction of its own, which
   *  Yjs runs before this change's update goes out. */
  const { nodes, edges } = rootsOf(trusted);
  const elementMaps = new Set<unknown>([nodes, edges]);
  const afterLocal = (transaction: Y.Transaction) => {
    if (transaction.origin === FROM_NETWORK || transaction.origin === MENDED || !mayLeaveLoose(transaction, elementMaps)) return;
    const loose = looseEnds(trusted);
    if (isLoose(loose)) mend(loose);
  };
  /** Whether the probe, holding a peer's update, is valid; or valid once mended, and then how. */
  const tryProbe = (update: Uint8Array): { verdict: Verdict; loose?: Loose } => {
    Y.applyUpdate(probe.doc, update);
    const verdict = probe.check();
    if (verdict.ok) return { verdict };
    const loose = looseEnds(probe.doc);
    if (!isLoose(loose) || loose.strangers) return { verdict };
    probe.doc.transact(() => tieUp(probe.doc, loose));
    return probe.check().ok ? { verdict: { ok: true }, loose } : { verdict };
  };
  /** Applies `update` to trusted if the document it makes is valid, or can be mended;
   *  otherwise leaves trusted as it was. */
  const admit = (update: Uint8Array): Verdict => {
    let tried: { verdict: Verdict; loose?: Loose };
    try {
      tried = tryProbe(update);
    } catch (error) {
      tried = { verdict: { ok: false, reason: error instanceof Error ? error.message : String(error) } };
    }
    const { verdict, loose } = tried;
    if (verdict.ok && loose) {
      // One transaction: the store never sees the document unmended.
      trusted.transact(() => {
        Y.applyUpdate(trusted, update);
        tieUp(trusted, looseEnds(trusted));
      }, MENDED);
      events.mended(describeMend(loose, true));
    } else if (verdict.ok) {
      Y.applyUpdate(trusted, update, FROM_NETWORK);
    } else {
      probe.dispose();
      probe = probeOf(trusted, validate);
    }
    return verdict;
  };
  const fromNetwork = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_TRUSTED) return;
    const verdict = admit(update);
    if (verdict.ok) return;
    // One update can carry several people's changes: the room's whole state when this
    // client joins, or all that happened while it was away. One bad change among them
    // refuses only its author's part; the others' parts go in on their own merits.
    const writers = writersOf(update);
    if (writers.length > 1) {
      const refused = writers.map((writer) => admit(partOf(update, writer, writers))).find((part) => !part.ok);
      if (!refused) return;
    }
    events.refused(verdict.reason);
  };
  trusted.on('update', fromTrusted);
  trusted.on('afterTransaction', afterLocal);
  trusted.on('afterAllTransactions', sendOut);
  network.on('update', fromNetwork);
  Y.applyUpdate(network, Y.encodeStateAsUpdate(trusted), FROM_TRUSTED);
  // What the network doc held before the guard stood there is checked like any update.
  if (network.store.clients.size > 0) fromNetwork(Y.encodeStateAsUpdate(network), null);
  return {
    dispose() {
      trusted.off('update', fromTrusted);
      trusted.off('afterTransaction', afterLocal);
      trusted.off('afterAllTransactions', sendOut);
      network.off('update', fromNetwork);
      probe.dispose();
    },
  };
}
