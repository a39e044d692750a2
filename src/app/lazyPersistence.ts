import type { EditorStore } from '../store/editor.ts';
import type { Persistence } from './persistence.ts';

/** Storage loads after first paint: it brings the file validator, which is too big
 *  for the first-load budget. Calls made before it arrives wait for it. */
export function createLazyPersistence(store: EditorStore): Persistence {
  let instance: Persistence | null = null;
  const ready = import('./persistence.ts').then(({ createPersistence }) => (instance = createPersistence(store)));
  let stopped = false;
  return {
    start: () => ready.then((persistence) => (stopped ? undefined : persistence.start())),
    stop: () => {
      stopped = true;
      instance?.stop();
    },
    openAsNew: (doc) => ready.then((persistence) => persistence.openAsNew(doc)),
    createNew: (doc) => ready.then((persistence) => persistence.createNew(doc)),
    open: (id) => ready.then((persistence) => persistence.open(id)),
    library: () => instance?.library() ?? null,
    flush: () => ready.then((persistence) => persistence.flush()),
    rename: (title) => ready.then((persistence) => persistence.rename(title)),
    remove: (id) => ready.then((persistence) => persistence.remove(id)),
  };
}
