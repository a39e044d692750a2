import { useEffect } from 'react';
import { commandForKey, type CommandContext } from '../commands/registry.ts';
import { formatBySniff } from '../io/formats/registry.ts';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
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
      // Enter on a focused component starts editing its label in place.
      const focusedNode = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('.react-flow__node') : null;
      if (event.key === 'Enter' && focusedNode?.dataset.id && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        state.set({ editingLabel: focusedNode.dataset.id });
        return;
      }
      const command = commandForKey(event);
      if (!command || !command.enabled(state)) return;
      if (command.id === 'paste') {
        // Let the browser fire its paste event first: it may carry a file's JSON.
        deferred = setTimeout(() => command.run(context), 0);
        return;
      }
      event.preventDefault();
      command.run(context);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTextEntry(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!formatBySniff(text)) return;
      event.preventDefault();
      clearTimeout(deferred);
      importText(text, 'the pasted JSON');
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
