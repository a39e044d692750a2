import { useCallback, useEffect, useState } from 'react';
import type { LibraryEntry } from '../persist/storage.ts';
import type { Persistence } from '../app/persistence.ts';
import { useEditor } from '../store/context.ts';
import { Dialog } from './Dialog.tsx';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The saved diagrams: open, rename, duplicate, delete (after a confirmation), search. */
export function LibraryDialog({ persistence, onClose }: { persistence: Persistence; onClose(): void }) {
  const library = persistence.library();
  const currentId = useEditor((state) => state.diagramId);
  const [entries, setEntries] = useState<LibraryEntry[]>([]);
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!library) return;
    await persistence.flush();
    setEntries(await library.list());
  }, [library, persistence]);

  useEffect(() => {
    let live = true;
    void persistence
      .flush()
      .then(() => library?.list() ?? [])
      .then((list) => {
        if (live) setEntries(list);
      });
    return () => {
      live = false;
    };
  }, [library, persistence]);

  if (!library) {
    return (
      <Dialog title="Library" onClose={onClose}>
        <p>Saving is off in this browser, so there is no library. Export JSON to keep your work.</p>
      </Dialog>
    );
  }

  const q = query.trim().toLowerCase();
  const shown = entries.filter((entry) => entry.title.toLowerCase().includes(q)).sort((a, b) => b.updatedAt - a.updatedAt);
  return (
    <Dialog title="Library" onClose={onClose}>
      <input type="search" aria-label="Search diagrams" placeholder="Search diagrams" value={query} onChange={(event) => setQuery(event.target.value)} />
      <ul className="library-list">
        {shown.map((entry) => (
          <li key={entry.id} className={entry.id === currentId ? 'is-current' : undefined}>
            <div className="library-entry">
              <span className="library-title">{entry.title}</span>
              <span className="muted">
                {entry.componentCount} component{entry.componentCount === 1 ? '' : 's'} · changed {when.format(entry.updatedAt)}
              </span>
            </div>
            <div className="library-actions">
              <button
                type="button"
                aria-label={`Open ${entry.title}`}
                onClick={async () => {
                  await persistence.open(entry.id);
                  onClose();
                }}
              >
                Open
              </button>
              <button
                type="button"
                aria-label={`Rename ${entry.title}`}
                onClick={async () => {
                  const title = window.prompt('New title', entry.title);
                  if (title?.trim()) {
                    if (entry.id === currentId) await persistence.rename(title.trim());
                    else await library.rename(entry.id, title.trim());
                    await refresh();
                  }
                }}
              >
                Rename
              </button>
              <button
                type="button"
                aria-label={`Duplicate ${entry.title}`}
                onClick={async () => {
                  await library.duplicate(entry.id);
                  await refresh();
                }}
              >
                Duplicate
              </button>
              {confirming === entry.id ? (
                <button
                  type="button"
                  className="danger"
                  aria-label={`Really delete ${entry.title}`}
                  onClick={async () => {
                    setConfirming(null);
                    await persistence.remove(entry.id);
                    await refresh();
                  }}
                >
                  Really delete?
                </button>
              ) : (
                <button type="button" aria-label={`Delete ${entry.title}`} onClick={() => setConfirming(entry.id)}>
                  Delete
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="muted">No saved diagram matches.</p>}
    </Dialog>
  );
}
