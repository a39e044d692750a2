import { useEditor } from '../store/context.ts';

/** Says whether work is being saved; when it is not, says why. */
export function SavingStatus() {
  const saving = useEditor((state) => state.saving);
  const text =
    saving.mode === 'on'
      ? 'Saved in this browser'
      : saving.mode === 'starting'
        ? 'Opening…'
        : saving.mode === 'off'
          ? `Saving is off: ${saving.reason}`
          : `Read-only: ${saving.reason}`;
  return (
    <p className={`saving-status saving-${saving.mode}`} role="status">
      {text}
    </p>
  );
}
