import { useEditor } from '../store/context.ts';
import type { LiveStatus } from '../store/editor.ts';

const STATUS: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  disconnected: 'Offline: reconnecting',
};

function LinkField({ label, link }: { label: string; link: string }) {
  return (
    <label className="live-link">
      {label}
      <input readOnly value={link} onFocus={(event) => event.target.select()} />
      <button type="button" onClick={() => void navigator.clipboard?.writeText(link).catch(() => {})}>
        Copy
      </button>
    </label>
  );
}

/** While a live room is joined: its connection, how many are in it, and its links. */
export function LiveBar() {
  const live = useEditor((state) => state.live);
  if (!live) return null;
  const people = live.people === 1 ? 'only you in the room' : `${live.people} people in the room`;
  return (
    <section className="live-bar" aria-label="Live room">
      <p className={`live-status live-${live.status}`} role="status">
        Live · {STATUS[live.status]} · {people}
      </p>
      {live.editLink && <LinkField label="Edit link" link={live.editLink} />}
      <LinkField label="View-only link" link={live.viewLink} />
    </section>
  );
}
