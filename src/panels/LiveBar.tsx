import { useEditor } from '../store/context.ts';
import type { LiveStatus } from '../store/editor.ts';
import { PeopleList, YourName } from './LivePeople.tsx';

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

/** While a live room is joined: its connection, who is in it, this person's name, and its links. */
export function LiveBar() {
  const live = useEditor((state) => state.live);
  if (!live) return null;
  const people = live.people === 1 ? 'only you in the room' : `${live.people} people in the room`;
  return (
    <section className="live-bar" aria-label="Live room">
      <p className={`live-status live-${live.status}`} role="status">
        Live · {STATUS[live.status]} · {people}
      </p>
      <PeopleList me={live.me} />
      <YourName key={live.me.name} name={live.me.name} />
      {live.editLink && <LinkField label="Edit link" link={live.editLink} />}
      <LinkField label="View-only link" link={live.viewLink} />
    </section>
  );
}
