import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { PageSummary } from '../io/formats/report.ts';
import { Dialog } from './Dialog.tsx';

export interface PageRequest {
  /** The file's name, as messages call it. */
  source: string;
  pages: readonly PageSummary[];
}

const elements = (count: number) => `${count} element${count === 1 ? '' : 's'}`;

/** A draw.io file of several pages: which one to open. `onChoose(null)` is Cancel,
 *  and leaves the diagram on screen as it is. Arrow keys, Home and End move between
 *  the pages; Enter opens the one in focus. */
export function PageDialog({ request, onChoose }: { request: PageRequest; onChoose(page: number | null): void }) {
  const list = useRef<HTMLUListElement>(null);
  // The first page has the focus. After the dialog has opened: showModal, which runs
  // after this component's effects, would move it to the dialog's first button.
  useEffect(() => {
    const timer = setTimeout(() => list.current?.querySelector('button')?.focus());
    return () => clearTimeout(timer);
  }, []);
  const move = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };
  return (
    <Dialog title="Choose a page" onClose={() => onChoose(null)}>
      <p>
        {request.source} has {request.pages.length} pages. Faultline reviews one diagram at a time: which page should it open?
      </p>
      <ul className="page-list" aria-label="Pages" ref={list} onKeyDown={move}>
        {request.pages.map((page, index) => (
          <li key={index}>
            <button type="button" className="page-choice" onClick={() => onChoose(index)}>
              <span className="page-name">{page.name === '' ? `Page ${index + 1}` : page.name}</span>
              <span className="muted">{elements(page.elements)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={() => onChoose(null)}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
