// Tells other tabs of this app that a diagram was saved, over a BroadcastChannel.
// The library refuses stale saves anyway (see storage.ts); this only lets the other
// tab react at once: reload the diagram when it has nothing unsaved, or stop editing.
//
//   const tabs = createTabSync('faultline');
//   tabs.post({ type: 'saved', id, revision });       // after each save
//   const stop = tabs.subscribe((message) => { ... }); // other tabs' saves only
//   tabs.close();
//
// Where BroadcastChannel does not exist it is a no-op (`available` is false).
// Messages from the channel are checked before a listener sees them: any script of
// the same origin can post on it.

export interface SavedMessage {
  type: 'saved';
  id: string;
  revision: number;
  /** The tab that saved; set by post. */
  tabId: string;
}

export interface TabSync {
  readonly tabId: string;
  readonly available: boolean;
  post(message: Omit<SavedMessage, 'tabId'>): void;
  /** Hears saves made by other tabs. Returns unsubscribe. */
  subscribe(listener: (message: SavedMessage) => void): () => void;
  close(): void;
}

function randomTabId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function isSavedMessage(data: unknown): data is SavedMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return (
    message.type === 'saved' &&
    typeof message.id === 'string' &&
    typeof message.tabId === 'string' &&
    typeof message.revision === 'number' &&
    Number.isInteger(message.revision)
  );
}

export function createTabSync(channelName: string, options: { tabId?: string } = {}): TabSync {
  const tabId = options.tabId ?? randomTabId();
  const listeners = new Set<(message: SavedMessage) => void>();
  if (typeof BroadcastChannel === 'undefined') {
    return { tabId, available: false, post() {}, subscribe: () => () => {}, close() {} };
  }
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (!isSavedMessage(data) || data.tabId === tabId) return;
    const message: SavedMessage = { type: 'saved', id: data.id, revision: data.revision, tabId: data.tabId };
    for (const listener of listeners) listener(message);
  };
  let closed = false;
  return {
    tabId,
    available: true,
    post(message) {
      if (closed) return;
      channel.postMessage({ type: 'saved', id: message.id, revision: message.revision, tabId });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      listeners.clear();
      channel.close();
    },
  };
}
