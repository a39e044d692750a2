import { useEffect, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';
import type { Persistence } from './persistence.ts';

/** Offers a reload when a new version has been installed; never reloads by itself. */
export function UpdateNotice({ persistence }: { persistence: Persistence }) {
  const [update, setUpdate] = useState<((reload?: boolean) => Promise<void>) | null>(null);
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const updateSW = registerSW({
      onNeedRefresh: () => setUpdate(() => updateSW),
    });
  }, []);
  if (!update) return null;
  return (
    <div className="update-notice" role="status">
      <span>A new version is available.</span>
      <button
        type="button"
        onClick={async () => {
          // Whatever is waiting to be saved is written before the page goes.
          await persistence.flush();
          await update(true);
          // A page the old worker never controlled gets no controllerchange to reload on.
          setTimeout(() => location.reload(), 1000);
        }}
      >
        Reload
      </button>
      <button type="button" onClick={() => setUpdate(null)}>
        Later
      </button>
    </div>
  );
}
