// Which diagram of the library holds this browser's copy of each room, so that a
// reload, or the room's link opened again, comes back to that diagram instead of
// adding a new one each time. Kept in localStorage: it is read before Yjs loads.

const KEY = 'faultline:room-copies';
const MAX_ROOMS = 200;

type Copies = Record<string, string>;

function read(): Copies {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

export function diagramOfRoom(room: string): string | null {
  const copies = read();
  return Object.hasOwn(copies, room) ? copies[room]! : null;
}

export function rememberDiagramOfRoom(room: string, diagramId: string): void {
  // Oldest rooms go first once there are many; their diagrams stay in the library.
  const entries = Object.entries(read()).filter(([key]) => key !== room);
  entries.push([room, diagramId]);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(entries.slice(-MAX_ROOMS))));
  } catch {
    // Storage refused: a reload then opens the room in a new diagram.
  }
}
