import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

// What the server checks in a message before Hocuspocus applies it. Hocuspocus
// messages are: document name (var string), message type (var uint), then for a
// sync message a sync step (var uint) and, for step 2 and updates, a Yjs update
// (var uint8 array). An update that does not decode is refused here, so it never
// reaches the room's document nor any other client.

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const MESSAGE_SYNC_STATUS = 8;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** `update` is the Yjs update a sync message carries, if it carries one. */
export type MessageCheck = { ok: true; update?: Uint8Array } | { ok: false; reason: string };

export function checkMessage(message: Uint8Array): MessageCheck {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return { ok: true };
    const step = decoding.readVarUint(decoder);
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return { ok: true };
    const update = decoding.readVarUint8Array(decoder);
    // Decoding reads every struct and delete set: garbage throws here.
    Y.decodeUpdate(update);
    if (decoding.hasContent(decoder)) return { ok: false, reason: 'trailing bytes after the update' };
    return { ok: true, update };
  } catch (error) {
    return { ok: false, reason: `malformed message (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Whether an outgoing message is Hocuspocus' acknowledgement of an update (SyncStatus). */
export function isAcknowledgement(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === MESSAGE_SYNC_STATUS;
  } catch {
    return false;
  }
}
