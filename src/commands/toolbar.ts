// Which commands the toolbar shows, in which group. Labels, enabled state and toggles
// come from the registry; this says only where each command sits.

export interface ToolbarItem {
  command: string;
  /** Shown instead of the label, which stays the button's accessible name. */
  symbol?: string;
}

export interface ToolbarGroup {
  /** The group's accessible name. */
  name: 'Diagram' | 'Edit' | 'File' | 'Help';
  items: readonly ToolbarItem[];
}

const items = (...ids: string[]): ToolbarItem[] => ids.map((command) => ({ command }));

export const TOOLBAR: readonly ToolbarGroup[] = [
  { name: 'Diagram', items: items('new-diagram', 'library') },
  { name: 'Edit', items: items('undo', 'redo', 'toggle-snap', 'auto-layout') },
  { name: 'File', items: items('export-json', 'export-svg', 'export-png', 'export-drawio', 'import-json', 'copy-link', 'share-live') },
  { name: 'Help', items: [...items('rules'), { command: 'shortcuts', symbol: '?' }] },
];
