import { useEditor } from '../store/context.ts';
import type { LiveState, LiveStatus } from '../store/editor.ts';
import { PeopleList, YourName } from './LivePeople.tsx';

const STATUS: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  disconnected: 'Offline, reconnecting…',
};

const changes = (count: number) => (count === 1 ? '1 change' : `${count} changes`);

/** Offline, who was in the room is out of date; what matters is what has not gone out. */
function statusLine(live: LiveState): string {
  if (live.status === 'disconnected') {
    const kept = live.unsent === 0 ? 'nothing unsent' : `${changes(live.unsent)} not sent yet, kept in this browser`;
    return `Live · ${STATUS.disconnected} · ${kept}`;
  }
  const people = live.people === 1 ? 'only you in the room' : `${live.people} people in the room`;
  const sending = live.status === 'connecting' && live.unsent > 0 ? ` · ${changes(live.unsent)} to send` : '';
  return `Live · ${STATUS[live.status]} · ${people}${sending}`;
}

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
  return (
    <section className="live-bar" aria-label="Live room">
      <p className={`live-status live-${live.status}`} role="status">
        {statusLine(live)}
      </p>
      <PeopleList me={live.me} />
      <YourName key={live.me.name} name={live.me.name} />
      {live.editLink && <LinkField label="Edit link" link={live.editLink} />}
      <LinkField label="View-only link" link={live.viewLink} />
    </section>
  );
}
