import { TEMPLATES } from '../templates/index.ts';
import { emptyDiagram } from '../model/types.ts';
import type { Persistence } from '../app/persistence.ts';
import { Dialog } from './Dialog.tsx';

/** "New diagram": a blank canvas or one of the starter designs. */
export function TemplatesDialog({ persistence, onClose }: { persistence: Persistence; onClose(): void }) {
  const start = async (doc = emptyDiagram()) => {
    onClose();
    await persistence.createNew(structuredClone(doc));
  };
  return (
    <Dialog title="New diagram" onClose={onClose}>
      <ul className="template-list">
        <li>
          <button type="button" className="template-card" onClick={() => start()}>
            <span className="template-title">Blank diagram</span>
            <span className="muted">Start from an empty canvas.</span>
          </button>
        </li>
        {TEMPLATES.map((template) => (
          <li key={template.id}>
            <button type="button" className="template-card" onClick={() => start(template.doc)}>
              <span className="template-title">
                {template.title} <span className={`template-kind kind-${template.kind}`}>{template.kind === 'naive' ? 'has mistakes' : 'robust'}</span>
              </span>
              <span className="muted">{template.summary}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
