import type { Diagram } from '../model/types.ts';
import { createEditorStore } from '../store/editor.ts';
import { commandById, commandForKey, isEnabled, runCommand, type CommandContext, type CommandServices } from './registry.ts';

// A headless editor for tests: a fresh store, page services that only record what
// they were asked to do, and the same path to commands the page takes (the
// registry's enabled check, then the command). Only tests import this file.

export type ServiceCall = { [K in keyof CommandServices]: [K, ...Parameters<CommandServices[K]>] }[keyof CommandServices];

export function createTestEditor(doc?: Diagram) {
  const store = createEditorStore(doc);
  const calls: ServiceCall[] = [];
  const services: CommandServices = {
    fitView: () => calls.push(['fitView']),
    importFile: () => calls.push(['importFile']),
    exportAs: (format) => calls.push(['exportAs', format]),
    exportPicture: (format, theme) => calls.push(theme ? ['exportPicture', format, theme] : ['exportPicture', format]),
    copyLink: () => calls.push(['copyLink']),
    shareLive: () => calls.push(['shareLive']),
    autoLayout: () => calls.push(['autoLayout']),
    cancelLayout: () => calls.push(['cancelLayout']),
  };
  const context: CommandContext = { store, services };
  const state = () => store.getState();
  return {
    store,
    calls,
    state,
    /** Runs a command as a toolbar control does; says whether it ran. */
    run: (id: string, subject?: string) => runCommand(commandById(id), context, subject),
    /** Presses a key as key handling does; returns the command the key belongs to. */
    key(key: string, mods: { ctrl?: boolean; shift?: boolean } = {}) {
      const command = commandForKey({ key, ctrlKey: Boolean(mods.ctrl), metaKey: false, shiftKey: Boolean(mods.shift), altKey: false });
      if (command) runCommand(command, context);
      return command?.id;
    },
    enabled: (id: string) => isEnabled(commandById(id), state()),
    ids: () => state().doc.nodes.map((node) => node.id),
    readOnly: () => state().setSaving({ mode: 'read-only', reason: 'another tab changed this diagram.' }),
  };
}

export type TestEditor = ReturnType<typeof createTestEditor>;
