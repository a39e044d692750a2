import type { LucideIcon } from 'lucide-react';
import { useId } from 'react';
import { chordAria, chordLabel, commandById, isEnabled, runCommand, type Command, type CommandContext } from '../commands/registry.ts';
import { useEditor } from '../store/context.ts';
import { MAC } from './platform.ts';

interface CommandControlProps {
  id: string;
  context: CommandContext;
  /** Drawn instead of the label, which stays the accessible name and shows in a tooltip. */
  icon?: LucideIcon;
  /** Shown instead of the label, and the accessible name too. */
  text?: string;
}

/** The first of a command's keys, as people read it and as `aria-keyshortcuts` spells it. */
export function shortcutOf(command: Command): { label: string; aria: string } | undefined {
  const chord = command.keys[0];
  return chord && { label: chordLabel(chord, MAC), aria: chordAria(chord, MAC) };
}

/** A command as a control, disabled whenever the registry says it cannot run: with an
 *  icon, a button (pressed or not, for a toggle) with a tooltip naming it and its key;
 *  otherwise a checkbox for a toggle and a button for the rest. */
export function CommandControl({ id, context, icon, text }: CommandControlProps) {
  const command = commandById(id);
  const enabled = useEditor((state) => isEnabled(command, state));
  const checked = useEditor((state) => command.checked?.(state));
  const tipId = useId();
  const run = () => runCommand(command, context);
  if (icon) {
    const Icon = icon;
    const shortcut = shortcutOf(command);
    return (
      <span className="tip">
        <button
          type="button"
          className="icon-button"
          disabled={!enabled}
          aria-label={command.label}
          aria-pressed={checked}
          aria-keyshortcuts={shortcut?.aria}
          aria-describedby={shortcut && tipId}
          onClick={run}
        >
          <Icon size={18} aria-hidden />
        </button>
        {/* Hidden from assistive technology, which has the name already; the key is the description. */}
        <span className="tip-text" aria-hidden>
          {command.label}
          {shortcut && <kbd id={tipId}>{shortcut.label}</kbd>}
        </span>
      </span>
    );
  }
  if (checked !== undefined) {
    return (
      <label className="toggle">
        <input type="checkbox" checked={checked} disabled={!enabled} onChange={run} />
        {text ?? command.label}
      </label>
    );
  }
  return (
    <button type="button" disabled={!enabled} onClick={run}>
      {text ?? command.label}
    </button>
  );
}
