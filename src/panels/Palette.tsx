import { useReactFlow } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { CATEGORIES, searchCatalogue, type KindInfo } from '../model/catalogue.ts';
import { addComponent } from '../commands/editing.ts';
import { KIND_MIME } from '../canvas/Canvas.tsx';
import { ICONS } from '../canvas/icons.ts';
import { useEditorStore } from '../store/context.ts';

/** The component palette: drag an item onto the canvas, or click it (or press Enter). */
export function Palette() {
  const store = useEditorStore();
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const matches = useMemo(() => searchCatalogue(query), [query]);

  const add = (info: KindInfo) => {
    const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
    const centre = canvas
      ? flow.screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 })
      : { x: 0, y: 0 };
    addComponent(store, info.kind, centre);
  };

  return (
    <nav className="palette" aria-label="Components">
      <input
        type="search"
        className="palette-search"
        placeholder="Search components (e.g. redis, kafka)"
        aria-label="Search components"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {CATEGORIES.map((category) => {
        const items = matches.filter((info) => info.category === category);
        if (items.length === 0) return null;
        return (
          <section key={category} className="palette-group" aria-label={category}>
            <h3>{category}</h3>
            <ul>
              {items.map((info) => {
                const Icon = ICONS[info.icon];
                return (
                  <li key={info.kind}>
                    <button
                      type="button"
                      className="palette-item"
                      draggable
                      aria-label={info.name}
                      title={info.description}
                      onDragStart={(event) => {
                        event.dataTransfer.setData(KIND_MIME, info.kind);
                        event.dataTransfer.effectAllowed = 'copy';
                      }}
                      onClick={() => add(info)}
                    >
                      <Icon aria-hidden size={16} />
                      <span>{info.name}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {matches.length === 0 && <p className="muted">Nothing matches “{query}”.</p>}
    </nav>
  );
}
