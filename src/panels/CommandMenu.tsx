import { ChevronDown } from 'lucide-react';
import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { commandById, isEnabled, runCommand, type CommandContext } from '../commands/registry.ts';
import type { ToolbarMenu } from '../commands/toolbar.ts';
import { useEditor } from '../store/context.ts';
import { shortcutOf } from './CommandControl.tsx';

// A menu button as the WAI-ARIA pattern has it: Enter, Space or the arrows open the
// menu and focus an item, the arrows, Home and End move between items, Escape closes
// it and focus goes back to the button, as it does after an item runs.

type Opening = 'first' | 'last' | null;

const menuItems = (list: HTMLElement | null) => [...(list?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

/** Focuses the item at `index`, counting round from either end (-1 is the last). */
function focusMenuItem(list: HTMLElement | null, index: number): void {
  const all = menuItems(list);
  all[(index + all.length) % all.length]?.focus();
}

export function CommandMenu({ menu, context }: { menu: ToolbarMenu; context: CommandContext }) {
  const [opening, setOpening] = useState<Opening>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const open = opening !== null;

  const focusItem = (index: number) => focusMenuItem(list.current, index);
  const close = (refocus: boolean) => {
    setOpening(null);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (opening) focusMenuItem(list.current, opening === 'first' ? 0 : -1);
  }, [opening]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpening(null);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    event.stopPropagation();
    setOpening(event.key === 'ArrowDown' ? 'first' : 'last');
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const at = menuItems(list.current).indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusItem(at + 1),
      ArrowUp: () => focusItem(at - 1),
      Home: () => focusItem(0),
      End: () => focusItem(-1),
      Escape: () => close(true),
    };
    if (event.key === 'Tab') {
      // Focus leaves from the button, so Tab goes on to the control after the menu.
      close(true);
      return;
    }
    const move = moves[event.key];
    if (!move) return;
    // The page's shortcuts must not see these keys: arrows nudge, Escape clears.
    event.preventDefault();
    event.stopPropagation();
    move();
  };

  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        ref={button}
        className="menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : setOpening('first'))}
        onKeyDown={onButtonKey}
      >
        {menu.name}
        <ChevronDown size={14} aria-hidden />
      </button>
      {open && (
        <ul className="menu-list" role="menu" id={menuId} aria-label={menu.name} ref={list} onKeyDown={onMenuKey}>
          {menu.sections.map((section, index) => (
            <Fragment key={section.join()}>
              {index > 0 && <li role="separator" />}
              {section.map((id) => (
                <MenuCommand key={id} id={id} context={context} onChosen={() => close(true)} />
              ))}
            </Fragment>
          ))}
        </ul>
      )}
    </div>
  );
}

function MenuCommand({ id, context, onChosen }: { id: string; context: CommandContext; onChosen(): void }) {
  const command = commandById(id);
  const enabled = useEditor((state) => isEnabled(command, state));
  const shortcut = shortcutOf(command);
  return (
    <li role="none">
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        aria-disabled={!enabled || undefined}
        aria-keyshortcuts={shortcut?.aria}
        onClick={() => {
          if (!enabled) return;
          // Closed first, so a dialog the command opens gives focus back to the button.
          onChosen();
          runCommand(command, context);
        }}
      >
        <span>{command.label}</span>
        {shortcut && <kbd aria-hidden>{shortcut.label}</kbd>}
      </button>
    </li>
  );
}
