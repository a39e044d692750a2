import { describe, expect, it } from 'vitest';
import { addNode, connect, moveNodes, nodeById, setNodeProp } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { HISTORY_LIMIT } from '../store/history.ts';
import { addComponent, freeSpot } from './editing.ts';
import { colorSchemeOf, type Dialog, type Editor } from '../store/editor.ts';
import { chordAria, chordLabel, chordMatches, commandById, COMMANDS, conflictingChords } from './registry.ts';
import { createTestEditor, type ServiceCall } from './testing.ts';
import { TOOLBAR, toolbarCommands } from './toolbar.ts';

describe('undo and redo', () => {
  it('undoes and redoes add, connect and property edits in order', () => {
    const editor = createTestEditor();
    const a = addComponent(editor.store, 'client', { x: 0, y: 0 });
    const b = addComponent(editor.store, 'service', { x: 0, y: 0 });
    editor.state().edit((doc) => connect(doc, a, b));
    editor.state().edit((doc) => setNodeProp(doc, b, 'replicas', 3));
    expect(editor.state().doc.edges).toHaveLength(1);
    editor.key('z', { ctrl: true });
    expect(nodeById(editor.state().doc, b)!.props.replicas).toBe(1);
    editor.key('z', { ctrl: true });
    expect(editor.state().doc.edges).toHaveLength(0);
    editor.key('z', { ctrl: true, shift: true });
    expect(editor.state().doc.edges).toHaveLength(1);
    editor.key('y', { ctrl: true });
    expect(nodeById(editor.state().doc, b)!.props.replicas).toBe(3);
  });

  it('records a whole drag as one step', () => {
    const editor = createTestEditor();
    const id = addComponent(editor.store, 'cache', { x: 0, y: 0 });
    const start = nodeById(editor.state().doc, id)!.position;
    editor.state().beginGesture();
    for (let x = 1; x <= 50; x++) editor.state().updateGesture((doc) => moveNodes(doc, new Map([[id, { x, y: 0 }]])));
    editor.state().endGesture();
    expect(editor.state().history.past).toHaveLength(2);
    editor.run('undo');
    expect(nodeById(editor.state().doc, id)!.position).toEqual(start);
  });

  it('keeps at least 200 steps', () => {
    const editor = createTestEditor();
    for (let i = 0; i < 260; i++) addComponent(editor.store, 'service', { x: i * 300, y: 0 });
    let undone = 0;
    while (editor.state().history.past.length > 0) {
      editor.run('undo');
      undone++;
    }
    expect(undone).toBe(Math.min(260, HISTORY_LIMIT));
    expect(undone).toBeGreaterThanOrEqual(200);
  });

  it('a new edit clears the redo stack', () => {
    const editor = createTestEditor();
    addComponent(editor.store, 'dns', { x: 0, y: 0 });
    editor.run('undo');
    addComponent(editor.store, 'cdn', { x: 0, y: 0 });
    expect(editor.enabled('redo')).toBe(false);
  });
});

describe('adding components', () => {
  it('never stacks new components exactly on top of each other', () => {
    const editor = createTestEditor();
    for (let i = 0; i < 5; i++) addComponent(editor.store, 'service', { x: 100, y: 100 });
    const spots = editor.state().doc.nodes.map((node) => `${node.position.x},${node.position.y}`);
    expect(new Set(spots).size).toBe(5);
  });

  it('finds the next free spot along a diagonal', () => {
    let doc = addNode(emptyDiagram(), 'dns', { x: 10, y: 10 }, { id: 'a' });
    expect(freeSpot(doc, { x: 10, y: 10 })).toEqual({ x: 38, y: 38 });
    doc = addNode(doc, 'dns', { x: 38, y: 38 }, { id: 'b' });
    expect(freeSpot(doc, { x: 10, y: 10 })).toEqual({ x: 66, y: 66 });
  });

  it('selects the component it adds', () => {
    const editor = createTestEditor();
    const id = addComponent(editor.store, 'queue', { x: 0, y: 0 });
    expect([...editor.state().selectedNodes]).toEqual([id]);
  });
});

describe('clipboard commands', () => {
  it('copy and paste create new ids at an offset, keeping edges among them', () => {
    const editor = createTestEditor();
    const a = addComponent(editor.store, 'client', { x: 0, y: 0 });
    const b = addComponent(editor.store, 'service', { x: 300, y: 0 });
    editor.state().edit((doc) => connect(doc, a, b));
    editor.state().select([a, b]);
    editor.key('c', { ctrl: true });
    editor.key('v', { ctrl: true });
    const doc = editor.state().doc;
    expect(doc.nodes).toHaveLength(4);
    expect(doc.edges).toHaveLength(2);
    const pasted = [...editor.state().selectedNodes];
    expect(pasted).toHaveLength(2);
    expect(pasted).not.toContain(a);
    const origin = nodeById(doc, a)!.position;
    expect(nodeById(doc, pasted[0]!)!.position).toEqual({ x: origin.x + 32, y: origin.y + 32 });
    editor.key('v', { ctrl: true });
    expect(nodeById(editor.state().doc, [...editor.state().selectedNodes][0]!)!.position).toEqual({ x: origin.x + 64, y: origin.y + 64 });
  });

  it('cut removes and paste brings back as one step each', () => {
    const editor = createTestEditor();
    const a = addComponent(editor.store, 'cache', { x: 0, y: 0 });
    editor.state().select([a]);
    editor.key('x', { ctrl: true });
    expect(editor.ids()).toEqual([]);
    editor.key('v', { ctrl: true });
    expect(editor.ids()).toHaveLength(1);
    editor.run('undo');
    editor.run('undo');
    expect(editor.ids()).toEqual([a]);
  });

  it('duplicates with Ctrl+D', () => {
    const editor = createTestEditor();
    const a = addComponent(editor.store, 'worker', { x: 0, y: 0 });
    editor.state().select([a]);
    expect(editor.key('d', { ctrl: true })).toBe('duplicate');
    expect(editor.ids()).toHaveLength(2);
  });
});

describe('delete, select and nudge', () => {
  it('deletes the selection with Delete or Backspace', () => {
    const editor = createTestEditor();
    const a = addComponent(editor.store, 'dns', { x: 0, y: 0 });
    addComponent(editor.store, 'cdn', { x: 0, y: 0 });
    editor.state().select([a]);
    editor.key('Delete');
    expect(editor.ids()).toHaveLength(1);
    editor.key('a', { ctrl: true });
    editor.key('Backspace');
    expect(editor.ids()).toEqual([]);
  });

  it('asks before deleting a group that holds components', () => {
    const editor = createTestEditor();
    const zone = addComponent(editor.store, 'zone', { x: 0, y: 0 });
    addComponent(editor.store, 'service', { x: 10, y: 10 }, zone);
    editor.state().select([zone]);
    editor.key('Delete');
    expect(editor.state().dialog).toBe('delete-group');
    expect(editor.ids()).toHaveLength(2);
  });

  it('deletes an empty group at once', () => {
    const editor = createTestEditor();
    const zone = addComponent(editor.store, 'zone', { x: 0, y: 0 });
    editor.state().select([zone]);
    editor.key('Delete');
    expect(editor.ids()).toEqual([]);
  });

  it('nudges with the arrow keys and clears with Escape', () => {
    const editor = createTestEditor();
    const a = addComponent(editor.store, 'dns', { x: 90, y: 32 });
    expect(nodeById(editor.state().doc, a)!.position).toEqual({ x: 0, y: 0 });
    editor.key('ArrowRight');
    editor.key('ArrowDown');
    expect(nodeById(editor.state().doc, a)!.position).toEqual({ x: 10, y: 10 });
    editor.key('Escape');
    expect(editor.state().selectedNodes.size).toBe(0);
  });

  it('fails everything selected at once', () => {
    const editor = createTestEditor();
    const a = addComponent(editor.store, 'dns', { x: 0, y: 0 });
    const b = addComponent(editor.store, 'cache', { x: 300, y: 0 });
    editor.state().select([a, b]);
    editor.key('F', { shift: true });
    expect(editor.state().blastUnits).toEqual([a, b]);
  });

  it('Escape closes the failure view before it clears the selection', () => {
    const editor = createTestEditor();
    const a = addComponent(editor.store, 'dns', { x: 0, y: 0 });
    editor.key('F', { shift: true });
    expect(editor.state().blastUnits).toEqual([a]);
    editor.key('Escape');
    expect(editor.state().blastUnits).toEqual([]);
    expect(editor.state().selectedNodes.size).toBe(1);
  });
});

describe('shortcut registry', () => {
  it('has no chord claimed twice and unique ids', () => {
    expect(conflictingChords()).toEqual([]);
    expect(new Set(COMMANDS.map((command) => command.id)).size).toBe(COMMANDS.length);
  });

  it('reports conflicts', () => {
    const twice = [COMMANDS[0]!, { ...COMMANDS[1]!, keys: COMMANDS[0]!.keys }];
    expect(conflictingChords(twice)).toHaveLength(1);
  });

  it('matches modifiers exactly', () => {
    const event = { key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false };
    expect(chordMatches({ key: 'z', mod: true }, event)).toBe(true);
    expect(chordMatches({ key: 'z', mod: true, shift: true }, event)).toBe(false);
    expect(chordMatches({ key: 'z' }, event)).toBe(false);
    expect(chordMatches({ key: 'z', mod: true }, { ...event, metaKey: true, ctrlKey: false })).toBe(true);
    expect(chordMatches({ key: '?' }, { ...event, key: '?', ctrlKey: false, shiftKey: true })).toBe(true);
  });

  it('runs services for page commands', () => {
    const editor = createTestEditor();
    editor.key('s', { ctrl: true, shift: true });
    expect(editor.calls).toEqual([['exportAs', 'faultline']]);
    editor.key('o', { ctrl: true });
    expect(editor.calls).toEqual([['exportAs', 'faultline'], ['importFile']]);
  });
});

/** An editor where every command has what it needs: two components with an edge
 *  undone (so both undo and redo apply), the client selected and copied. */
function readyEditor() {
  const editor = createTestEditor();
  const a = addComponent(editor.store, 'client', { x: 0, y: 0 });
  const b = addComponent(editor.store, 'service', { x: 300, y: 0 });
  editor.state().edit((doc) => connect(doc, a, b));
  editor.run('undo');
  editor.state().select([a]);
  editor.run('copy');
  return { editor, a, b };
}

// [command, enabled on an empty diagram, enabled when ready, enabled when ready but read-only]
const ENABLED: readonly [string, boolean, boolean, boolean][] = [
  ['undo', false, true, false],
  ['redo', false, true, false],
  ['delete', false, true, false],
  ['copy', false, true, true],
  ['cut', false, true, false],
  ['paste', false, true, false],
  ['duplicate', false, true, false],
  ['select-all', true, true, true],
  ['clear', true, true, true],
  ['nudge-left', false, true, false],
  ['nudge-right', false, true, false],
  ['nudge-up', false, true, false],
  ['nudge-down', false, true, false],
  ['edit-label', true, true, false],
  ['what-if', false, true, true],
  ['fit-view', true, true, true],
  ['auto-layout', false, true, false],
  ['cancel-layout', false, false, false],
  ['toggle-snap', true, true, true],
  ['toggle-dark-mode', true, true, true],
  ['new-diagram', true, true, true],
  ['library', true, true, true],
  ['export-json', true, true, true],
  ['export-svg', true, true, true],
  ['export-png', true, true, true],
  ['export-svg-dark', true, true, true],
  ['export-png-dark', true, true, true],
  ['export-drawio', true, true, true],
  ['export-mermaid', true, true, true],
  ['export-review', true, true, true],
  ['import-json', true, true, true],
  ['copy-link', true, true, true],
  ['share-live', true, true, true],
  ['rules', true, true, true],
  ['shortcuts', true, true, true],
];

describe('the command registry', () => {
  it('gives every command a kebab-case id and a label', () => {
    for (const command of COMMANDS) {
      expect(command.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(command.label.trim()).not.toBe('');
    }
  });

  it('has a row in the enabled table for every command', () => {
    expect(ENABLED.map(([id]) => id).sort()).toEqual(COMMANDS.map((command) => command.id).sort());
  });

  it.each(ENABLED)('%s: enabled %s when empty, %s when ready, %s when read-only', (id, empty, ready, readOnly) => {
    expect(createTestEditor().enabled(id)).toBe(empty);
    const { editor } = readyEditor();
    expect(editor.enabled(id)).toBe(ready);
    editor.readOnly();
    expect(editor.enabled(id)).toBe(readOnly);
  });

  it('enables Cancel layout only while a layout runs', () => {
    const editor = createTestEditor();
    editor.state().setLayoutRunning(true);
    expect(editor.enabled('cancel-layout')).toBe(true);
    expect(editor.enabled('auto-layout')).toBe(false);
    expect(editor.run('cancel-layout')).toBe(true);
    expect(editor.calls).toEqual([['cancelLayout']]);
  });

  it('reaches every command by a key, a pointer gesture or the toolbar', () => {
    const inToolbar = new Set(toolbarCommands());
    // Cancel layout sits in the layout progress, shown only while a layout runs.
    const elsewhere = new Set(['cancel-layout']);
    const unreachable = COMMANDS.filter((command) => command.keys.length === 0 && !command.pointer && !inToolbar.has(command.id) && !elsewhere.has(command.id));
    expect(unreachable.map((command) => command.id)).toEqual([]);
    for (const id of inToolbar) expect(() => commandById(id)).not.toThrow();
  });

  it('keeps the toolbar names the page and its tests use', () => {
    const labels = toolbarCommands().map((id) => commandById(id).label);
    expect(labels).toEqual([
      'New diagram',
      'Library',
      'Import JSON',
      'Export JSON',
      'Export SVG',
      'Export PNG',
      'Export SVG (dark)',
      'Export PNG (dark)',
      'Export draw.io',
      'Export Mermaid',
      'Export review (Markdown)',
      'Copy link',
      'Undo',
      'Redo',
      'Auto layout',
      'Snap to grid',
      'What if this fails?',
      'Share live',
      'Rules',
      'Keyboard shortcuts',
      'Dark mode',
    ]);
  });

  it('puts every command in the toolbar once, and every file command in the File menu', () => {
    const ids = toolbarCommands();
    expect(new Set(ids).size).toBe(ids.length);
    const menu = TOOLBAR.find((entry) => entry.type === 'menu');
    const inMenu = new Set(menu?.type === 'menu' ? menu.sections.flat() : []);
    const fileCommands = COMMANDS.filter((command) => /^(export|import)-|^(new-diagram|library|copy-link)$/.test(command.id));
    expect(fileCommands.filter((command) => !inMenu.has(command.id)).map((command) => command.id)).toEqual([]);
  });

  it('gives the undo, redo, auto layout and failure view buttons an icon, and each of them a key for its tooltip', () => {
    const icons = new Map(TOOLBAR.flatMap((entry) => (entry.type === 'group' ? entry.items : [])).map((item) => [item.command, item.icon]));
    for (const id of ['undo', 'redo', 'auto-layout', 'what-if']) {
      expect(icons.get(id), id).toBeDefined();
      expect(commandById(id).keys.length, id).toBeGreaterThan(0);
    }
  });

  it('spells chords for people and for aria-keyshortcuts', () => {
    const chord = { key: 'l', mod: true, shift: true };
    expect(chordLabel(chord)).toBe('Ctrl+Shift+L');
    expect(chordLabel(chord, true)).toBe('⌘+Shift+L');
    expect(chordAria(chord)).toBe('Control+Shift+L');
    expect(chordAria(chord, true)).toBe('Meta+Shift+L');
    expect(chordAria({ key: '?' })).toBe('?');
  });
});

describe('toggles', () => {
  const TOGGLES: readonly [string, (state: Editor) => boolean][] = [
    ['toggle-snap', (state) => state.snapToGrid],
    ['toggle-dark-mode', (state) => colorSchemeOf(state) === 'dark'],
  ];

  it('marks exactly the toggles as checkable', () => {
    expect(COMMANDS.filter((command) => command.checked).map((command) => command.id)).toEqual(TOGGLES.map(([id]) => id));
  });

  it.each(TOGGLES)('%s reports its setting and flips it', (id, setting) => {
    const editor = createTestEditor();
    const command = commandById(id);
    const before = setting(editor.state());
    expect(command.checked!(editor.state())).toBe(before);
    editor.run(id);
    expect(setting(editor.state())).toBe(!before);
    expect(command.checked!(editor.state())).toBe(!before);
    editor.run(id);
    expect(command.checked!(editor.state())).toBe(before);
  });

  it('follows the system theme until a person chooses one, and then keeps their choice', () => {
    const editor = createTestEditor();
    editor.state().setSystemColorScheme('dark');
    expect(commandById('toggle-dark-mode').checked!(editor.state())).toBe(true);
    editor.run('toggle-dark-mode');
    expect(colorSchemeOf(editor.state())).toBe('light');
    expect(editor.state().chosenColorScheme).toBe('light');
    editor.state().setSystemColorScheme('light');
    editor.state().setSystemColorScheme('dark');
    expect(colorSchemeOf(editor.state())).toBe('light');
  });

  it('flips Snap to grid with Shift+G', () => {
    const editor = createTestEditor();
    expect(editor.key('G', { shift: true })).toBe('toggle-snap');
    expect(editor.state().snapToGrid).toBe(true);
  });
});

describe('page and dialog commands', () => {
  const SERVICES: readonly [string, ServiceCall][] = [
    ['fit-view', ['fitView']],
    ['export-json', ['exportAs', 'faultline']],
    ['export-svg', ['exportPicture', 'svg']],
    ['export-png', ['exportPicture', 'png']],
    ['export-svg-dark', ['exportPicture', 'svg', 'dark']],
    ['export-png-dark', ['exportPicture', 'png', 'dark']],
    ['export-drawio', ['exportAs', 'drawio']],
    ['export-mermaid', ['exportAs', 'mermaid']],
    ['export-review', ['exportAs', 'review']],
    ['import-json', ['importFile']],
    ['copy-link', ['copyLink']],
    ['share-live', ['shareLive']],
  ];

  it.each(SERVICES)('%s asks the page for %j', (id, call) => {
    const editor = createTestEditor();
    expect(editor.run(id)).toBe(true);
    expect(editor.calls).toEqual([call]);
  });

  it('asks the page to lay out a diagram with components', () => {
    const { editor } = readyEditor();
    editor.key('l', { ctrl: true, shift: true });
    expect(editor.calls).toEqual([['autoLayout']]);
  });

  const DIALOGS: readonly [string, Dialog][] = [
    ['new-diagram', 'templates'],
    ['library', 'library'],
    ['rules', 'rules'],
    ['shortcuts', 'shortcuts'],
  ];

  it.each(DIALOGS)('%s opens the %s dialog', (id, dialog) => {
    const editor = createTestEditor();
    editor.run(id);
    expect(editor.state().dialog).toBe(dialog);
  });

  it('edits the label of the component it is given, and of none without one', () => {
    const { editor, b } = readyEditor();
    editor.run('edit-label');
    expect(editor.state().editingLabel).toBeNull();
    editor.run('edit-label', b);
    expect(editor.state().editingLabel).toBe(b);
  });

  it('leaves Enter to the browser when no component has focus', () => {
    const { editor } = readyEditor();
    expect(editor.key('Enter')).toBe('edit-label');
    expect(editor.state().editingLabel).toBeNull();
  });
});

describe('read-only mode', () => {
  it('refuses every edit by key and by control, leaving document, history and clipboard as they were', () => {
    const { editor, b } = readyEditor();
    editor.readOnly();
    const { doc, history, clipboard, selectedNodes } = editor.state();
    const keys: [string, { ctrl?: boolean; shift?: boolean }?][] = [
      ['z', { ctrl: true }],
      ['z', { ctrl: true, shift: true }],
      ['y', { ctrl: true }],
      ['Delete'],
      ['Backspace'],
      ['x', { ctrl: true }],
      ['v', { ctrl: true }],
      ['d', { ctrl: true }],
      ['ArrowLeft'],
      ['l', { ctrl: true, shift: true }],
    ];
    for (const [key, mods] of keys) editor.key(key, mods);
    for (const id of ['undo', 'redo', 'delete', 'cut', 'paste', 'duplicate', 'nudge-down', 'auto-layout']) expect(editor.run(id)).toBe(false);
    expect(editor.run('edit-label', b)).toBe(false);
    expect(editor.state().doc).toBe(doc);
    expect(editor.state().history).toBe(history);
    expect(editor.state().clipboard).toBe(clipboard);
    expect(editor.state().selectedNodes).toBe(selectedNodes);
    expect(editor.state().editingLabel).toBeNull();
    expect(editor.state().dialog).toBeNull();
    expect(editor.calls).toEqual([]);
  });

  it('still copies, selects, shows failures and exports', () => {
    const { editor, a } = readyEditor();
    editor.readOnly();
    editor.key('a', { ctrl: true });
    expect(editor.state().selectedNodes.size).toBe(2);
    editor.state().select([a]);
    editor.key('F', { shift: true });
    expect(editor.state().blastUnits).toEqual([a]);
    editor.run('export-svg');
    expect(editor.calls).toEqual([['exportPicture', 'svg']]);
  });

  it('edits again once saving is back on', () => {
    const { editor } = readyEditor();
    editor.readOnly();
    editor.state().setSaving({ mode: 'on' });
    expect(editor.run('undo')).toBe(true);
    expect(editor.ids()).toHaveLength(1);
  });
});
