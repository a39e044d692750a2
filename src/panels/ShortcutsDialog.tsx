import { chordLabel, COMMANDS, type Command } from '../commands/registry.ts';
import { useEditor } from '../store/context.ts';
import { Dialog } from './Dialog.tsx';
import { MAC } from './platform.ts';

/** Commands a key or a pointer gesture reaches; the others live only in the toolbar. */
const SHORTCUTS = COMMANDS.filter((command) => command.keys.length > 0 || command.pointer);

function ShortcutRow({ command }: { command: Command }) {
  const checked = useEditor((state) => command.checked?.(state));
  const ways = [...command.keys.map((chord) => chordLabel(chord, MAC)), ...(command.pointer ? [command.pointer] : [])];
  return (
    <tr>
      <th scope="row">
        {command.label}
        {checked !== undefined && <span className="muted"> ({checked ? 'on' : 'off'})</span>}
      </th>
      <td>{ways.join(' or ')}</td>
    </tr>
  );
}

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((command) => (
            <ShortcutRow key={command.id} command={command} />
          ))}
          <tr>
            <th scope="row">Add to the selection; box select</th>
            <td>Shift+click; Shift+drag</td>
          </tr>
        </tbody>
      </table>
    </Dialog>
  );
}
