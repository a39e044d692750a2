// Where each command sits in the toolbar: one row of a File menu and groups of icon
// buttons. Labels, shortcuts, enabled state and toggles come from the registry; this
// says only where each command sits and which picture it wears.

/** The pictures toolbar buttons wear; the panels map each to its drawing. */
export type ToolbarIcon = 'undo' | 'redo' | 'auto-layout' | 'snap' | 'what-if' | 'rules' | 'shortcuts' | 'dark-mode';

export interface ToolbarItem {
  command: string;
  /** Drawn instead of the label, which stays the accessible name and shows, with the
   *  shortcut, in the button's tooltip. */
  icon?: ToolbarIcon;
}

/** A menu button: the commands in its menu, in sections divided by separators. */
export interface ToolbarMenu {
  type: 'menu';
  name: 'File';
  sections: readonly (readonly string[])[];
}

export interface ToolbarGroup {
  type: 'group';
  /** The group's accessible name. */
  name: 'History' | 'Layout' | 'Review' | 'Share' | 'Help';
  items: readonly ToolbarItem[];
}

export type ToolbarEntry = ToolbarMenu | ToolbarGroup;

export const TOOLBAR: readonly ToolbarEntry[] = [
  {
    type: 'menu',
    name: 'File',
    sections: [['new-diagram', 'library'], ['import-json'], ['export-json', 'export-svg', 'export-png', 'export-svg-dark', 'export-png-dark', 'export-drawio', 'export-mermaid', 'export-review'], ['copy-link']],
  },
  {
    type: 'group',
    name: 'History',
    items: [
      { command: 'undo', icon: 'undo' },
      { command: 'redo', icon: 'redo' },
    ],
  },
  {
    type: 'group',
    name: 'Layout',
    items: [
      { command: 'auto-layout', icon: 'auto-layout' },
      { command: 'toggle-snap', icon: 'snap' },
    ],
  },
  { type: 'group', name: 'Review', items: [{ command: 'what-if', icon: 'what-if' }] },
  // Going live is a deliberate act, so it is a labelled button rather than a menu item.
  { type: 'group', name: 'Share', items: [{ command: 'share-live' }] },
  {
    type: 'group',
    name: 'Help',
    items: [
      { command: 'rules', icon: 'rules' },
      { command: 'shortcuts', icon: 'shortcuts' },
      { command: 'toggle-dark-mode', icon: 'dark-mode' },
    ],
  },
];

/** Every command the toolbar reaches, menus included, in the order it shows them. */
export function toolbarCommands(toolbar: readonly ToolbarEntry[] = TOOLBAR): string[] {
  return toolbar.flatMap((entry) => (entry.type === 'menu' ? entry.sections.flat() : entry.items.map((item) => item.command)));
}
