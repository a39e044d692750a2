import { nodeById } from '../model/ops.ts';
import { useBlastRadius } from '../canvas/useBlastRadius.ts';
import { useEditor, useEditorStore } from '../store/context.ts';

/** The "What if this fails?" view: what the loss takes down, and a way back. */
export function BlastBanner() {
  const blast = useBlastRadius();
  const doc = useEditor((state) => state.doc);
  const store = useEditorStore();
  if (!blast) return null;
  const label = (id: string) => nodeById(doc, id)?.label ?? id;
  return (
    <section className="blast-banner" aria-label="Failure view" role="region">
      <h2>If {label(blast.unitId)} fails</h2>
      {blast.lost.length === 0 ? (
        <p>Every entry still reaches everything it reached before. Nothing else breaks.</p>
      ) : (
        <>
          <p>
            {blast.entriesAffected.length > 0 ? `${blast.entriesAffected.map(label).join(', ')} lose${blast.entriesAffected.length === 1 ? 's' : ''} access to:` : 'Lost:'}
          </p>
          <ul className="blast-list">
            {blast.lost.map((id) => (
              <li key={id}>{label(id)}</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={() => store.getState().showBlast(null)}>
        Back to the diagram (Esc)
      </button>
    </section>
  );
}
