import { commandById, type CommandContext } from '../commands/registry.ts';
import { setTitle } from '../model/ops.ts';
import { useEditor } from '../store/context.ts';
import { SavingStatus } from './SavingStatus.tsx';

function CommandButton({ id, context, label }: { id: string; context: CommandContext; label?: string }) {
  const command = commandById(id);
  const enabled = useEditor((state) => command.enabled(state));
  return (
    <button type="button" disabled={!enabled} onClick={() => command.run(context)}>
      {label ?? command.label}
    </button>
  );
}

interface ToolbarProps {
  context: CommandContext;
  onCopyLink(): void;
  onExportImage(format: 'svg' | 'png'): void;
}

export function Toolbar({ context, onCopyLink, onExportImage }: ToolbarProps) {
  const title = useEditor((state) => state.doc.title);
  const layoutRunning = useEditor((state) => state.layoutRunning);
  const direction = useEditor((state) => state.layoutDirection);
  const snapToGrid = useEditor((state) => state.snapToGrid);
  const set = useEditor((state) => state.set);
  const updateGesture = useEditor((state) => state.updateGesture);
  const endGesture = useEditor((state) => state.endGesture);
  return (
    <header className="toolbar">
      <span className="brand" aria-hidden>
        Faultline
      </span>
      <input
        className="title-input"
        aria-label="Diagram title"
        value={title}
        onChange={(event) => updateGesture((doc) => setTitle(doc, event.target.value))}
        onBlur={endGesture}
      />
      <div className="toolbar-group" role="toolbar" aria-label="Diagram">
        <button type="button" onClick={() => context.services.newDiagram()}>
          New diagram
        </button>
        <button type="button" onClick={() => set({ dialog: 'library' })}>
          Library
        </button>
      </div>
      <div className="toolbar-group" role="toolbar" aria-label="Edit">
        <CommandButton id="undo" context={context} />
        <CommandButton id="redo" context={context} />
        <label className="toggle">
          <input type="checkbox" checked={snapToGrid} onChange={(event) => set({ snapToGrid: event.target.checked })} />
          Snap to grid
        </label>
        <CommandButton id="auto-layout" context={context} />
        <select
          aria-label="Layout direction"
          value={direction}
          onChange={(event) => set({ layoutDirection: event.target.value === 'DOWN' ? 'DOWN' : 'RIGHT' })}
        >
          <option value="RIGHT">Left to right</option>
          <option value="DOWN">Top to bottom</option>
        </select>
        {layoutRunning && (
          <span className="layout-progress" role="status">
            Laying out…{' '}
            <button type="button" onClick={() => context.services.cancelLayout()}>
              Cancel
            </button>
          </span>
        )}
      </div>
      <div className="toolbar-group" role="toolbar" aria-label="File">
        <CommandButton id="export-json" context={context} />
        <button type="button" onClick={() => onExportImage('svg')}>
          Export SVG
        </button>
        <button type="button" onClick={() => onExportImage('png')}>
          Export PNG
        </button>
        <CommandButton id="import-json" context={context} />
        <button type="button" onClick={onCopyLink}>
          Copy link
        </button>
      </div>
      <div className="toolbar-group" role="toolbar" aria-label="Help">
        <button type="button" onClick={() => set({ dialog: 'rules' })}>
          Rules
        </button>
        <button type="button" aria-label="Keyboard shortcuts" onClick={() => set({ dialog: 'shortcuts' })}>
          ?
        </button>
      </div>
      <SavingStatus />
    </header>
  );
}
