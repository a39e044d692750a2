import { chordLabel, COMMANDS } from '../commands/registry.ts';
import { Dialog } from './Dialog.tsx';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {COMMANDS.map((command) => (
            <tr key={command.id}>
              <th scope="row">{command.label}</th>
              <td>{command.keys.map((chord) => chordLabel(chord, MAC)).join(' or ')}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Edit the selected component's label</th>
            <td>Enter or double-click</td>
          </tr>
          <tr>
            <th scope="row">Add to the selection; box select</th>
            <td>Shift+click; Shift+drag</td>
          </tr>
        </tbody>
      </table>
    </Dialog>
  );
}
