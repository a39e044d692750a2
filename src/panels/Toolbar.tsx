import type { CommandContext } from '../commands/registry.ts';
import { TOOLBAR, type ToolbarGroup } from '../commands/toolbar.ts';
import { setTitle } from '../model/ops.ts';
import { useEditor } from '../store/context.ts';
import { CommandControl } from './CommandControl.tsx';
import { CommandMenu } from './CommandMenu.tsx';
import { SavingStatus } from './SavingStatus.tsx';
import { TOOLBAR_ICONS } from './toolbarIcons.ts';

/** How auto layout arranges the diagram, and its progress while it runs. */
function LayoutControls({ context }: { context: CommandContext }) {
  const layoutRunning = useEditor((state) => state.layoutRunning);
  const direction = useEditor((state) => state.layoutDirection);
  const setLayoutDirection = useEditor((state) => state.setLayoutDirection);
  return (
    <>
      <select aria-label="Layout direction" value={direction} onChange={(event) => setLayoutDirection(event.target.value === 'DOWN' ? 'DOWN' : 'RIGHT')}>
        <option value="RIGHT">Left to right</option>
        <option value="DOWN">Top to bottom</option>
      </select>
      {layoutRunning && (
        <span className="layout-progress" role="status">
          Laying out… <CommandControl id="cancel-layout" context={context} text="Cancel" />
        </span>
      )}
    </>
  );
}

function Group({ group, context }: { group: ToolbarGroup; context: CommandContext }) {
  return (
    <div className={`toolbar-group group-${group.name.toLowerCase()}`} role="group" aria-label={group.name}>
      {group.items.map((item) => (
        <CommandControl key={item.command} id={item.command} context={context} icon={item.icon && TOOLBAR_ICONS[item.icon]} />
      ))}
      {/* The direction is a setting auto layout reads, not a command of its own. */}
      {group.name === 'Layout' && <LayoutControls context={context} />}
    </div>
  );
}

export function Toolbar({ context }: { context: CommandContext }) {
  const title = useEditor((state) => state.doc.title);
  const updateGesture = useEditor((state) => state.updateGesture);
  const endGesture = useEditor((state) => state.endGesture);
  return (
    <header className="toolbar">
      <span className="brand" aria-hidden>
        Faultline
      </span>
      <input
        type="text"
        className="title-input"
        aria-label="Diagram title"
        value={title}
        onChange={(event) => updateGesture((doc) => setTitle(doc, event.target.value))}
        onBlur={endGesture}
      />
      {TOOLBAR.map((entry) =>
        entry.type === 'menu' ? <CommandMenu key={entry.name} menu={entry} context={context} /> : <Group key={entry.name} group={entry} context={context} />,
      )}
      <SavingStatus />
    </header>
  );
}
