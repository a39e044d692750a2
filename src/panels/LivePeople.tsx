import { useState, type CSSProperties } from 'react';
import { NAME_MAX, peerColourToken, type PersonLook } from '../collab/presence.ts';
import { useEditor } from '../store/context.ts';

const dotStyle = (look: PersonLook) => ({ '--peer': peerColourToken(look.colour) }) as CSSProperties;

function Person({ look, you }: { look: PersonLook; you?: boolean }) {
  return (
    <li className="live-person" style={dotStyle(look)}>
      <span className="peer-dot" aria-hidden />
      {look.name}
      {you && <span className="live-you"> (you)</span>}
    </li>
  );
}

/** Everyone in the room, this person first, each with the colour the others see. */
export function PeopleList({ me }: { me: PersonLook }) {
  const peers = useEditor((state) => state.peers);
  return (
    <ul className="live-people" aria-label="People in this room">
      <Person look={me} you />
      {peers.map((peer) => (
        <Person key={peer.clientId} look={peer} />
      ))}
    </ul>
  );
}

/** This person's name as the others see it; kept for the next visit. */
export function YourName({ name }: { name: string }) {
  const presence = useEditor((state) => state.presence);
  const [text, setText] = useState(name);
  const commit = () => {
    if (text !== name) presence?.rename(text);
  };
  return (
    <label className="live-name">
      Your name
      <input
        value={text}
        maxLength={NAME_MAX}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setText(name);
        }}
      />
    </label>
  );
}
