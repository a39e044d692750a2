import { useEffect } from 'react';
import { commandForKey, isEnabled, runCommand, type CommandContext } from '../commands/registry.ts';
import { formatBySniff } from '../io/formats/registry.ts';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The component whose node has keyboard focus, if any. */
function focusedNodeId(target: EventTarget | null): string | undefined {
  const node = target instanceof HTMLElement ? target.closest<HTMLElement>('.react-flow__node') : null;
  return node?.dataset.id || undefined;
}

/** One keydown listener for every command's shortcut; typing in a field is left alone.
 *  Pasting JSON text onto the canvas imports it as a new diagram instead of pasting
 *  the copied components. */
export function useShortcuts(context: CommandContext, importText: (text: string, source: string) => void): void {
  useEffect(() => {
    let deferred: ReturnType<typeof setTimeout> | undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextEntry(event.target)) return;
      const state = context.store.getState();
      if (state.dialog) return;
      const command = commandForKey(event);
      if (!command || !isEnabled(command, state)) return;
      const subject = command.subject === 'focused-node' ? focusedNodeId(event.target) : undefined;
      if (command.subject && !subject) return;
      if (command.yieldsToPasteEvent) {
        // Let the browser fire its paste event first: it may carry a file's JSON.
        deferred = setTimeout(() => runCommand(command, context), 0);
        return;
      }
      event.preventDefault();
      runCommand(command, context, subject);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTextEntry(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      const format = formatBySniff(text);
      if (!format) return;
      event.preventDefault();
      clearTimeout(deferred);
      importText(text, `the pasted ${format.id === 'faultline' ? 'JSON' : format.name}`);
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('paste', onPaste);
      clearTimeout(deferred);
    };
  }, [context, importText]);
}
