import type { Diagram, Point } from '../model/types.ts';

// Who is in a live room and what they point at, select and drag: the awareness
// state each client sends, and the one check every peer's state passes before the
// editor shows any of it. Awareness is not the document and nobody vouches for it,
// so a peer's state is read field by field; a field that is malformed is dropped
// (a name falls back to the peer's guest name, a colour to the one its client id
// gives), never shown as it came. Nothing here imports Yjs, so the UI may use it.

/** The peer colours: each is a pair of design tokens, --peer-<name> for the mark and
 *  --on-peer for text on it, defined for both themes in app/styles.css. */
export const PEER_COLOURS = ['red', 'orange', 'amber', 'green', 'teal', 'indigo', 'purple', 'pink'] as const;
export type PeerColour = (typeof PEER_COLOURS)[number];

export const NAME_MAX = 40;
/** More ids than this in one peer's selection or drag are not read at all. */
export const IDS_MAX = 1000;
/** Further off than this a coordinate is not a place on any canvas. */
const COORDINATE_MAX = 1e7;

export interface PersonLook {
  name: string;
  colour: PeerColour;
}

/** Another person in the room, as validated. */
export interface Peer extends PersonLook {
  clientId: number;
  /** Where their pointer is over the canvas, in flow coordinates; null off the canvas. */
  cursor: Point | null;
  /** The components they have selected, all of them in this client's document. */
  selection: readonly string[];
  /** While they drag: where the components they drag are, in document coordinates. */
  drag: ReadonlyMap<string, Point> | null;
}

/** What this client puts in its awareness state, field by field. */
export interface PresenceFields {
  present: true;
  user: PersonLook;
  cursor: Point | null;
  selection: readonly string[];
  drag: readonly { id: string; x: number; y: number }[] | null;
}

/** A client's colour, the same in every client that sees it. */
export function colourOf(clientId: number): PeerColour {
  return PEER_COLOURS[Math.abs(Math.trunc(clientId)) % PEER_COLOURS.length] as PeerColour;
}

/** The colour this client should show, given the peers it sees: the one it has while
 *  no peer that joined the room's awareness under a smaller client id has it too, else
 *  the first one nobody has, starting from its own (colourOf), else the least used.
 *  Every client applies the same rule, so two who pick one colour at once settle: the
 *  larger id moves. */
export function colourAmong(self: number, current: PeerColour, peers: readonly Pick<Peer, 'clientId' | 'colour'>[]): PeerColour {
  if (!peers.some((peer) => peer.colour === current && peer.clientId < self)) return current;
  const uses = new Map<PeerColour, number>(PEER_COLOURS.map((colour) => [colour, 0]));
  for (const peer of peers) uses.set(peer.colour, uses.get(peer.colour)! + 1);
  const start = PEER_COLOURS.indexOf(colourOf(self));
  const order = PEER_COLOURS.map((_, index) => PEER_COLOURS[(start + index) % PEER_COLOURS.length]!);
  return order.reduce((best, colour) => (uses.get(colour)! < uses.get(best)! ? colour : best));
}

export function guestName(clientId: number): string {
  return `Guest ${(Math.abs(Math.trunc(clientId)) % 90) + 10}`;
}

const isColour = (value: unknown): value is PeerColour => (PEER_COLOURS as readonly unknown[]).includes(value);

// Control and format characters (bidi overrides among them) could make one name look
// like another or garble the text around it.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A name as a person typed it, made fit to show: printable, trimmed, bounded.
 *  Empty when nothing is left. */
export function cleanName(text: string): string {
  return [...text.replace(UNPRINTABLE, '').replace(/\s+/g, ' ').trim()].slice(0, NAME_MAX).join('').trim();
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCoordinate = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= COORDINATE_MAX;

function readPoint(value: unknown): Point | null {
  if (!isRecord(value) || !isCoordinate(value.x) || !isCoordinate(value.y)) return null;
  return { x: value.x, y: value.y };
}

function readName(value: unknown, clientId: number): string {
  // Only what a person could have typed: a name over the bound was not sent by this app.
  if (typeof value !== 'string' || value.length > NAME_MAX * 4) return guestName(clientId);
  return cleanName(value) || guestName(clientId);
}

function readSelection(value: unknown, nodeIds: ReadonlySet<string>): readonly string[] {
  if (!Array.isArray(value) || value.length > IDS_MAX) return [];
  return [...new Set(value.filter((id): id is string => typeof id === 'string' && nodeIds.has(id)))];
}

function readDrag(value: unknown, nodeIds: ReadonlySet<string>): ReadonlyMap<string, Point> | null {
  if (!Array.isArray(value) || value.length > IDS_MAX) return null;
  const positions = new Map<string, Point>();
  for (const item of value) {
    if (!isRecord(item) || typeof item.id !== 'string' || !nodeIds.has(item.id)) continue;
    const at = readPoint(item);
    if (at) positions.set(item.id, at);
  }
  return positions.size > 0 ? positions : null;
}

/** A peer as this client may show it, read from the awareness state it sent;
 *  null when the state is not an object at all. */
export function readPeer(clientId: number, state: unknown, nodeIds: ReadonlySet<string>): Peer | null {
  if (!Number.isSafeInteger(clientId) || !isRecord(state)) return null;
  const user = isRecord(state.user) ? state.user : {};
  return {
    clientId,
    name: readName(user.name, clientId),
    colour: isColour(user.colour) ? user.colour : colourOf(clientId),
    cursor: readPoint(state.cursor),
    selection: readSelection(state.selection, nodeIds),
    drag: readDrag(state.drag, nodeIds),
  };
}

/** Everyone but this client, in a stable order (by client id). */
export function readPeers(states: ReadonlyMap<number, unknown>, selfId: number, nodeIds: ReadonlySet<string>): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === selfId) continue;
    const peer = readPeer(clientId, state, nodeIds);
    if (peer) peers.push(peer);
  }
  return peers.sort((a, b) => a.clientId - b.clientId);
}

/** The drag field for the components that moved since a gesture began. */
export function dragFieldOf(moved: ReadonlyMap<string, Point>): PresenceFields['drag'] {
  if (moved.size === 0) return null;
  return [...moved].slice(0, IDS_MAX).map(([id, at]) => ({ id, x: at.x, y: at.y }));
}

/** The components whose position differs from where a gesture found them. */
export function movedSince(before: Diagram, after: Diagram): Map<string, Point> {
  const moved = new Map<string, Point>();
  if (before === after) return moved;
  const was = new Map(before.nodes.map((node) => [node.id, node]));
  for (const node of after.nodes) {
    const old = was.get(node.id);
    if (old === node) continue;
    if (!old || old.position.x !== node.position.x || old.position.y !== node.position.y) moved.set(node.id, node.position);
  }
  return moved;
}

/** The design token a peer colour is drawn with; only palette names reach it. */
export const peerColourToken = (colour: PeerColour): string => `var(--peer-${colour})`;
