import { deleteSelection } from '../commands/editing.ts';
import { useEditorStore } from '../store/context.ts';
import { Dialog } from './Dialog.tsx';

/** Deleting a group that holds components asks what to do with them. */
export function DeleteGroupDialog({ onClose }: { onClose(): void }) {
  const store = useEditorStore();
  const finish = (keepChildren: boolean) => {
    deleteSelection(store, { keepChildren });
    onClose();
  };
  return (
    <Dialog title="Delete group" onClose={onClose}>
      <p>This group holds components. Keep them on the canvas, or delete them with the group? Either way, Undo brings it back.</p>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={() => finish(true)}>
          Keep its contents
        </button>
        <button type="button" className="danger" onClick={() => finish(false)}>
          Delete everything in it
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
