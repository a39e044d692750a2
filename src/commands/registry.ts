import type { ExportFormatId } from '../io/formats/registry.ts';
import { nodeById } from '../model/ops.ts';
import { isGroupKind } from '../model/types.ts';
import type { Theme } from '../theme/tokens.ts';
import { canRedo, canUndo, colorSchemeOf, type Editor, type EditorStore } from '../store/editor.ts';
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
// Read-only mode is enforced here, in `isEnabled`, for every command that edits:
// the controls that run a command show it disabled instead of doing nothing.

/** What the canvas and panels provide to commands that need the page. */
export interface CommandServices {
  fitView(): void;
  importFile(): void;
  /** Writes the diagram in the registered text format with this id, as a download. */
  exportAs(format: ExportFormatId): void;
  /** A picture of the diagram, drawn in the page: light unless asked for the dark theme. */
  exportPicture(format: 'svg' | 'png', theme?: Theme): void;
  copyLink(): void;
  /** Puts the diagram in a new live room and copies its edit link. */
  shareLive(): void;
  autoLayout(): void;
  cancelLayout(): void;
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
  /** The pointer's way to do the same, for the shortcut dialog. */
  pointer?: string;
  /** Changes the document, so it is disabled while the diagram is read-only. */
  edits?: boolean;
  /** When the command applies, read-only mode aside; always when left out. */
  available?(state: Editor): boolean;
  /** A toggle's setting: controls show it as pressed or checked, the shortcut dialog as on or off. */
  checked?(state: Editor): boolean;
  /** Key handling passes the id of the component that has keyboard focus, and leaves
   *  the key alone when none has. */
  subject?: 'focused-node';
  /** Its key waits for the browser's paste event, which may carry a file's JSON to
   *  import instead. */
  yieldsToPasteEvent?: boolean;
  run(context: CommandContext, subject?: string): void;
}

const NUDGE = 10;
const hasSelection = (state: Editor) => state.selectedNodes.size > 0 || state.selectedEdges.size > 0;
const hasNodeSelection = (state: Editor) => state.selectedNodes.size > 0;

function deleteOrAsk({ store }: CommandContext): void {
  const { doc, selectedNodes, openDialog } = store.getState();
  const groups = [...selectedNodes].filter((id) => {
    const node = nodeById(doc, id);
    return node !== undefined && isGroupKind(node.kind);
  });
  // A group never takes its children with it silently.
  if (groups.length > 0 && hasChildren(doc, groups)) openDialog('delete-group');
  else deleteSelection(store);
}

export const COMMANDS: readonly Command[] = [
  {
    id: 'undo',
    label: 'Undo',
    keys: [{ key: 'z', mod: true }],
    edits: true,
    available: canUndo,
    run: ({ store }) => store.getState().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    keys: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    edits: true,
    available: canRedo,
    run: ({ store }) => store.getState().redo(),
  },
  { id: 'delete', label: 'Delete', keys: [{ key: 'Delete' }, { key: 'Backspace' }], edits: true, available: hasSelection, run: deleteOrAsk },
  { id: 'copy', label: 'Copy', keys: [{ key: 'c', mod: true }], available: hasNodeSelection, run: ({ store }) => copy(store) },
  { id: 'cut', label: 'Cut', keys: [{ key: 'x', mod: true }], edits: true, available: hasNodeSelection, run: ({ store }) => cut(store) },
  {
    id: 'paste',
    label: 'Paste',
    keys: [{ key: 'v', mod: true }],
    edits: true,
    yieldsToPasteEvent: true,
    available: (state) => state.clipboard !== null,
    run: ({ store }) => pasteClipboard(store),
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    keys: [{ key: 'd', mod: true }],
    edits: true,
    available: hasNodeSelection,
    run: ({ store }) => duplicate(store),
  },
  { id: 'select-all', label: 'Select all', keys: [{ key: 'a', mod: true }], run: ({ store }) => selectAll(store) },
  {
    id: 'clear',
    label: 'Clear selection or close the failure view',
    keys: [{ key: 'Escape' }],
    run: ({ store }) => {
      const state = store.getState();
      if (state.blastUnits.length > 0) state.showBlast([]);
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
      edits: true,
      available: hasNodeSelection,
      run: ({ store }) => nudge(store, dx, dy),
    }),
  ),
  {
    id: 'edit-label',
    label: "Edit the selected component's label",
    keys: [{ key: 'Enter' }],
    pointer: 'double-click',
    edits: true,
    subject: 'focused-node',
    run: ({ store }, nodeId) => {
      if (nodeId) store.getState().startEditingLabel(nodeId);
    },
  },
  {
    id: 'what-if',
    label: 'What if this fails?',
    keys: [{ key: 'f', shift: true }],
    // Everything selected fails at once: a zone and a database, say.
    available: (state) => state.selectedNodes.size > 0,
    run: ({ store }) => store.getState().showBlast([...store.getState().selectedNodes]),
  },
  { id: 'fit-view', label: 'Fit view', keys: [{ key: '1', shift: true }], run: ({ services }) => services.fitView() },
  {
    id: 'auto-layout',
    label: 'Auto layout',
    keys: [{ key: 'l', mod: true, shift: true }],
    edits: true,
    available: (state) => state.doc.nodes.length > 0 && !state.layoutRunning,
    run: ({ services }) => services.autoLayout(),
  },
  { id: 'cancel-layout', label: 'Cancel layout', keys: [], available: (state) => state.layoutRunning, run: ({ services }) => services.cancelLayout() },
  {
    id: 'toggle-snap',
    label: 'Snap to grid',
    keys: [{ key: 'g', shift: true }],
    checked: (state) => state.snapToGrid,
    run: ({ store }) => store.getState().setSnapToGrid(!store.getState().snapToGrid),
  },
  {
    id: 'toggle-dark-mode',
    label: 'Dark mode',
    keys: [],
    checked: (state) => colorSchemeOf(state) === 'dark',
    run: ({ store }) => store.getState().chooseColorScheme(colorSchemeOf(store.getState()) === 'dark' ? 'light' : 'dark'),
  },
  { id: 'new-diagram', label: 'New diagram', keys: [], run: ({ store }) => store.getState().openDialog('templates') },
  { id: 'library', label: 'Library', keys: [], run: ({ store }) => store.getState().openDialog('library') },
  { id: 'export-json', label: 'Export JSON', keys: [{ key: 's', mod: true, shift: true }], run: ({ services }) => services.exportAs('faultline') },
  { id: 'export-svg', label: 'Export SVG', keys: [], run: ({ services }) => services.exportPicture('svg') },
  { id: 'export-png', label: 'Export PNG', keys: [], run: ({ services }) => services.exportPicture('png') },
  { id: 'export-svg-dark', label: 'Export SVG (dark)', keys: [], run: ({ services }) => services.exportPicture('svg', 'dark') },
  { id: 'export-png-dark', label: 'Export PNG (dark)', keys: [], run: ({ services }) => services.exportPicture('png', 'dark') },
  { id: 'export-drawio', label: 'Export draw.io', keys: [], run: ({ services }) => services.exportAs('drawio') },
  { id: 'export-mermaid', label: 'Export Mermaid', keys: [], run: ({ services }) => services.exportAs('mermaid') },
  { id: 'export-review', label: 'Export review (Markdown)', keys: [], run: ({ services }) => services.exportAs('review') },
  { id: 'import-json', label: 'Import JSON', keys: [{ key: 'o', mod: true }], run: ({ services }) => services.importFile() },
  { id: 'copy-link', label: 'Copy link', keys: [], run: ({ services }) => services.copyLink() },
  // Nothing goes to any server before a person runs this.
  { id: 'share-live', label: 'Share live', keys: [], available: (state) => state.live === null, run: ({ services }) => services.shareLive() },
  { id: 'rules', label: 'Rules', keys: [], run: ({ store }) => store.getState().openDialog('rules') },
  { id: 'shortcuts', label: 'Keyboard shortcuts', keys: [{ key: '?' }], run: ({ store }) => store.getState().openDialog('shortcuts') },
];

/** Whether a command can run now: what it needs is there, and it does not edit a
 *  read-only diagram. Every control and key reads this, so none of them can bypass it. */
export function isEnabled(command: Command, state: Editor): boolean {
  if (command.edits && state.saving.mode === 'read-only') return false;
  return command.available?.(state) ?? true;
}

/** Runs a command if it is enabled; says whether it ran. */
export function runCommand(command: Command, context: CommandContext, subject?: string): boolean {
  if (!isEnabled(command, context.store.getState())) return false;
  command.run(context, subject);
  return true;
}

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

function chordParts(chord: KeyChord, mod: string): string {
  const parts: string[] = [];
  if (chord.mod) parts.push(mod);
  if (chord.shift && chord.key !== '?') parts.push('Shift');
  parts.push(chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  return parts.join('+');
}

/** A chord as people read it: "Ctrl+Shift+L", "⌘+Z". */
export function chordLabel(chord: KeyChord, mac = false): string {
  return chordParts(chord, mac ? '⌘' : 'Ctrl');
}

/** A chord as `aria-keyshortcuts` spells it: "Control+Shift+L". */
export function chordAria(chord: KeyChord, mac = false): string {
  return chordParts(chord, mac ? 'Meta' : 'Control');
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
