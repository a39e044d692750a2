import { listOf, verbFor } from '../analysis/words.ts';
import { nodeById } from '../model/ops.ts';
import { docWhileFailed, useBlastRadius } from '../canvas/useBlastRadius.ts';
import { useEditor, useEditorStore } from '../store/context.ts';

/** The "What if this fails?" view: what the failed units take down, for whom, and a way back. */
export function BlastBanner() {
  const blast = useBlastRadius();
  const doc = useEditor(docWhileFailed);
  const store = useEditorStore();
  if (!blast || !doc) return null;
  const label = (id: string) => nodeById(doc, id)?.label || id;
  const failed = blast.unitIds.map(label);
  const entries = blast.entriesAffected.map(label);
  const nothing = blast.down.length === 0 && blast.stopped.length === 0 && entries.length === 0;
  return (
    <section className="blast-banner" aria-label="Failure view" role="region">
      <h2>
        If {listOf(failed, 3)} {verbFor(failed, failed.length, 'fails', 'fail')}
      </h2>
      {nothing ? (
        <p>Everything that worked still works. Nothing else breaks.</p>
      ) : (
        <>
          <p>
            {entries.length > 0
              ? `${listOf(entries, 5)} ${verbFor(entries, entries.length, 'stops', 'stop')} working.`
              : 'Every client still works.'}
          </p>
          {blast.down.length > 0 && <BlastList title="Down" ids={blast.down} label={label} />}
          {blast.stopped.length > 0 && <BlastList title="Stops working because of it" ids={blast.stopped} label={label} />}
        </>
      )}
      <p className="muted">Select several components or groups and press Shift+F to fail them together.</p>
      <button type="button" onClick={() => store.getState().showBlast([])}>
        Back to the diagram (Esc)
      </button>
    </section>
  );
}

function BlastList({ title, ids, label }: { title: string; ids: readonly string[]; label(id: string): string }) {
  return (
    <>
      <h3>{title}</h3>
      <ul className="blast-list" aria-label={title}>
        {ids.map((id) => (
          <li key={id}>{label(id)}</li>
        ))}
      </ul>
    </>
  );
}
