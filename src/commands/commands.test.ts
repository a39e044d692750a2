import { describe, expect, it, vi } from 'vitest';
import { addNode, connect, moveNodes, nodeById, setNodeProp } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { createEditorStore } from '../store/editor.ts';
import { HISTORY_LIMIT } from '../store/history.ts';
import { addComponent, freeSpot } from './editing.ts';
import { chordMatches, commandById, commandForKey, COMMANDS, conflictingChords, type CommandContext } from './registry.ts';

function createTestEditor() {
  const store = createEditorStore();
  const services = { fitView: vi.fn(), importFile: vi.fn(), exportJson: vi.fn(), autoLayout: vi.fn(), cancelLayout: vi.fn(), newDiagram: vi.fn() };
  const context: CommandContext = { store, services };
  const run = (id: string) => {
    const command = commandById(id);
    if (command.enabled(store.getState())) command.run(context);
  };
  const key = (key: string, mods: { ctrl?: boolean; shift?: boolean } = {}) => {
    const command = commandForKey({ key, ctrlKey: Boolean(mods.ctrl), metaKey: false, shiftKey: Boolean(mods.shift), altKey: false });
    if (command?.enabled(store.getState())) command.run(context);
    return command?.id;
  };
  const ids = () => store.getState().doc.nodes.map((node) => node.id);
  return { store, services, run, key, ids, state: () => store.getState() };
}

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
    expect(commandById('redo').enabled(editor.state())).toBe(false);
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

  it('Escape closes the failure view before it clears the selection', () => {
    const editor = createTestEditor();
    const a = addComponent(editor.store, 'dns', { x: 0, y: 0 });
    editor.key('F', { shift: true });
    expect(editor.state().blastUnit).toBe(a);
    editor.key('Escape');
    expect(editor.state().blastUnit).toBeNull();
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
    expect(editor.services.exportJson).toHaveBeenCalledOnce();
    editor.key('o', { ctrl: true });
    expect(editor.services.importFile).toHaveBeenCalledOnce();
  });
});
