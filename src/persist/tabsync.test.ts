import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTabSync, type SavedMessage, type TabSync } from './tabsync.ts';

const open: TabSync[] = [];
const tab = (name: string, tabId?: string) => {
  const sync = createTabSync(name, tabId ? { tabId } : {});
  open.push(sync);
  return sync;
};
afterEach(() => {
  for (const sync of open.splice(0)) sync.close();
  vi.unstubAllGlobals();
});

/** Resolves with the next message `sync` hears, or null after a short wait. */
function next(sync: TabSync, ms = 100): Promise<SavedMessage | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop();
      resolve(null);
    }, ms);
    const stop = sync.subscribe((message) => {
      clearTimeout(timer);
      stop();
      resolve(message);
    });
  });
}

describe('createTabSync', () => {
  it('lets a tab hear another tab’s saves', async () => {
    const a = tab('sync-1');
    const b = tab('sync-1');
    const heard = next(b);
    a.post({ type: 'saved', id: 'd1', revision: 7 });
    expect(await heard).toEqual({ type: 'saved', id: 'd1', revision: 7, tabId: a.tabId });
    expect(a.tabId).not.toBe(b.tabId);
  });

  it('ignores messages carrying its own tab id', async () => {
    const a = tab('sync-2', 'same');
    const twin = tab('sync-2', 'same');
    const heard = next(a);
    twin.post({ type: 'saved', id: 'd1', revision: 1 });
    expect(await heard).toBeNull();
  });

  it('does not hear itself or other channels', async () => {
    const a = tab('sync-3');
    const other = tab('sync-elsewhere');
    const heardSelf = next(a);
    const heardOther = next(other);
    a.post({ type: 'saved', id: 'd1', revision: 1 });
    expect(await heardSelf).toBeNull();
    expect(await heardOther).toBeNull();
  });

  it('ignores malformed messages on the channel', async () => {
    const a = tab('sync-4');
    const raw = new BroadcastChannel('sync-4');
    try {
      const heard = next(a);
      raw.postMessage({ type: 'saved', id: 5, revision: 'x', tabId: 'evil' });
      raw.postMessage('saved');
      raw.postMessage(null);
      expect(await heard).toBeNull();
    } finally {
      raw.close();
    }
  });

  it('stops delivering after unsubscribe and close', async () => {
    const a = tab('sync-5');
    const b = tab('sync-5');
    const listener = vi.fn();
    b.subscribe(listener)();
    a.post({ type: 'saved', id: 'd1', revision: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listener).not.toHaveBeenCalled();
    b.close();
    expect(() => b.post({ type: 'saved', id: 'd1', revision: 2 })).not.toThrow();
  });

  it('is a no-op where BroadcastChannel does not exist', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const sync = createTabSync('sync-6');
    expect(sync.available).toBe(false);
    expect(() => sync.post({ type: 'saved', id: 'd1', revision: 1 })).not.toThrow();
    expect(typeof sync.subscribe(() => {})).toBe('function');
    sync.close();
  });
});
