import { useState } from 'react';
import { setLabel } from '../model/ops.ts';
import { useEditorStore } from '../store/context.ts';

/** In-place label editing: Enter or leaving the field keeps the text, Escape drops it. */
export function LabelEditor({ id, label }: { id: string; label: string }) {
  const store = useEditorStore();
  const [text, setText] = useState(label);
  const finish = (keep: boolean) => {
    const state = store.getState();
    if (state.editingLabel !== id) return;
    const trimmed = text.trim();
    if (keep && trimmed && trimmed !== label) state.edit((doc) => setLabel(doc, id, trimmed));
    state.stopEditingLabel();
  };
  return (
    <input
      className="label-editor nodrag nopan"
      aria-label="Edit label"
      value={text}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') finish(true);
        if (event.key === 'Escape') finish(false);
      }}
    />
  );
}
