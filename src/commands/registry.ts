import { nodeById } from '../model/ops.ts';
import { isGroupKind } from '../model/types.ts';
import type { Editor, EditorStore } from '../store/editor.ts';
import {
  copy,
  cut,
  deleteSelection,
  duplicate,
  hasChildren,
  nudge,
  pasteClipboard,
  selectAll,
} from './editing.ts';

// Every user command, once. The toolbar, the shortcut dialog and key handling all
// read this list; a key that two commands claim is refused when the list loads.

/** What the canvas and panels provide to commands that need the page. */
export interface CommandServices {
  fitView(): void;
  importFile(): void;
  exportJson(): void;
  autoLayout(): void;
  cancelLayout(): void;
  newDiagram(): void;
}

export interface CommandContext {
  store: EditorStore;
  services: CommandServices;
}

export interface KeyChord {
  key: string;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
}

export interface Command {
  id: string;
  label: string;
  keys: readonly KeyChord[];
  enabled(state: Editor): boolean;
  run(context: CommandContext): void;
}

const NUDGE = 10;
const always = () => true;
const hasSelection = (state: Editor) => state.selectedNodes.size > 0 || state.selectedEdges.size > 0;
const hasNodeSelection = (state: Editor) => state.selectedNodes.size > 0;

function deleteOrAsk({ store }: CommandContext): void {
  const { doc, selectedNodes, set } = store.getState();
  const groups = [...selectedNodes].filter((id) => {
    const node = nodeById(doc, id);
    return node !== undefined && isGroupKind(node.kind);
  });
  // A group never takes its children with it silently.
  if (groups.length > 0 && hasChildren(doc, groups)) set({ dialog: 'delete-group' });
  else deleteSelection(store);
}

export const COMMANDS: readonly Command[] = [
  {
    id: 'undo',
    label: 'Undo',
    keys: [{ key: 'z', mod: true }],
    enabled: (state) => state.history.past.length > 0,
    run: ({ store }) => store.getState().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    keys: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    enabled: (state) => state.history.future.length > 0,
    run: ({ store }) => store.getState().redo(),
  },
  { id: 'delete', label: 'Delete', keys: [{ key: 'Delete' }, { key: 'Backspace' }], enabled: hasSelection, run: deleteOrAsk },
  { id: 'copy', label: 'Copy', keys: [{ key: 'c', mod: true }], enabled: hasNodeSelection, run: ({ store }) => copy(store) },
  { id: 'cut', label: 'Cut', keys: [{ key: 'x', mod: true }], enabled: hasNodeSelection, run: ({ store }) => cut(store) },
  {
    id: 'paste',
    label: 'Paste',
    keys: [{ key: 'v', mod: true }],
    enabled: (state) => state.clipboard !== null,
    run: ({ store }) => pasteClipboard(store),
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    keys: [{ key: 'd', mod: true }],
    enabled: hasNodeSelection,
    run: ({ store }) => duplicate(store),
  },
  { id: 'select-all', label: 'Select all', keys: [{ key: 'a', mod: true }], enabled: always, run: ({ store }) => selectAll(store) },
  {
    id: 'clear',
    label: 'Clear selection or close the failure view',
    keys: [{ key: 'Escape' }],
    enabled: always,
    run: ({ store }) => {
      const state = store.getState();
      if (state.blastUnit) state.set({ blastUnit: null });
      else state.clearSelection();
    },
  },
  ...(
    [
      ['nudge-left', 'Nudge left', 'ArrowLeft', -NUDGE, 0],
      ['nudge-right', 'Nudge right', 'ArrowRight', NUDGE, 0],
      ['nudge-up', 'Nudge up', 'ArrowUp', 0, -NUDGE],
      ['nudge-down', 'Nudge down', 'ArrowDown', 0, NUDGE],
    ] as const
  ).map(
    ([id, label, key, dx, dy]): Command => ({
      id,
      label,
      keys: [{ key }],
      enabled: hasNodeSelection,
      run: ({ store }) => nudge(store, dx, dy),
    }),
  ),
  {
    id: 'what-if',
    label: 'What if this fails?',
    keys: [{ key: 'f', shift: true }],
    enabled: (state) => state.selectedNodes.size === 1,
    run: ({ store }) => {
      const [id] = store.getState().selectedNodes;
      store.getState().set({ blastUnit: id ?? null });
    },
  },
  { id: 'fit-view', label: 'Fit view', keys: [{ key: '1', shift: true }], enabled: always, run: ({ services }) => services.fitView() },
  {
    id: 'auto-layout',
    label: 'Auto layout',
    keys: [{ key: 'l', mod: true, shift: true }],
    enabled: (state) => state.doc.nodes.length > 0 && state.saving.mode !== 'read-only' && !state.layoutRunning,
    run: ({ services }) => services.autoLayout(),
  },
  { id: 'export-json', label: 'Export JSON', keys: [{ key: 's', mod: true, shift: true }], enabled: always, run: ({ services }) => services.exportJson() },
  { id: 'import-json', label: 'Import JSON', keys: [{ key: 'o', mod: true }], enabled: always, run: ({ services }) => services.importFile() },
  {
    id: 'toggle-snap',
    label: 'Snap to grid',
    keys: [{ key: 'g', shift: true }],
    enabled: always,
    run: ({ store }) => store.getState().set({ snapToGrid: !store.getState().snapToGrid }),
  },
  {
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    keys: [{ key: '?' }],
    enabled: always,
    run: ({ store }) => store.getState().set({ dialog: 'shortcuts' }),
  },
];

export function chordMatches(chord: KeyChord, event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  if (event.altKey) return false;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const wanted = chord.key.length === 1 ? chord.key.toLowerCase() : chord.key;
  if (key !== wanted || mod !== Boolean(chord.mod)) return false;
  // Printable symbols such as "?" need Shift on most layouts, so Shift is not checked for them.
  return /^[a-z0-9]$/i.test(wanted) || wanted.length > 1 ? event.shiftKey === Boolean(chord.shift) : true;
}

export function commandForKey(event: Parameters<typeof chordMatches>[1], commands = COMMANDS): Command | undefined {
  return commands.find((command) => command.keys.some((chord) => chordMatches(chord, event)));
}

export function chordLabel(chord: KeyChord, mac = false): string {
  const parts: string[] = [];
  if (chord.mod) parts.push(mac ? '⌘' : 'Ctrl');
  if (chord.shift && chord.key !== '?') parts.push('Shift');
  parts.push(chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  return parts.join('+');
}

/** Chords claimed by more than one command; the registry must have none. */
export function conflictingChords(commands = COMMANDS): string[] {
  const seen = new Map<string, string>();
  const conflicts: string[] = [];
  for (const command of commands) {
    for (const chord of command.keys) {
      const key = `${chord.mod ? 'mod+' : ''}${chord.shift ? 'shift+' : ''}${chord.key.toLowerCase()}`;
      const owner = seen.get(key);
      if (owner && owner !== command.id) conflicts.push(`${key}: ${owner} and ${command.id}`);
      seen.set(key, command.id);
    }
  }
  return conflicts;
}

export function commandById(id: string): Command {
  const command = COMMANDS.find((candidate) => candidate.id === id);
  if (!command) throw new Error(`Unknown command ${id}`);
  return command;
}

const conflicts = conflictingChords();
if (conflicts.length > 0) console.warn(`Faultline: shortcuts claimed twice: ${conflicts.join('; ')}`);
