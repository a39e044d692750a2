import { commandById, isEnabled, runCommand, type CommandContext } from '../commands/registry.ts';
import { useEditor } from '../store/context.ts';

interface CommandControlProps {
  id: string;
  context: CommandContext;
  /** Shown instead of the label, which stays the accessible name. */
  symbol?: string;
  /** Shown instead of the label, and the accessible name too. */
  text?: string;
}

/** A command as a control: a checkbox for a toggle, otherwise a button, disabled
 *  whenever the registry says the command cannot run. */
export function CommandControl({ id, context, symbol, text }: CommandControlProps) {
  const command = commandById(id);
  const enabled = useEditor((state) => isEnabled(command, state));
  const checked = useEditor((state) => command.checked?.(state));
  const run = () => runCommand(command, context);
  if (checked !== undefined) {
    return (
      <label className="toggle">
        <input type="checkbox" checked={checked} disabled={!enabled} onChange={run} />
        {text ?? command.label}
      </label>
    );
  }
  return (
    <button type="button" disabled={!enabled} aria-label={symbol ? command.label : undefined} onClick={run}>
      {symbol ?? text ?? command.label}
    </button>
  );
}
