import type { CSSProperties } from 'react';
import { peerColourToken, type PersonLook } from '../collab/presence.ts';
import { selectedByText } from './peers.ts';

const colourStyle = (look: PersonLook) => ({ '--peer': peerColourToken(look.colour) }) as CSSProperties;

/** The outline and name tags on a component others in the room have selected. */
export function PeerMarks({ people }: { people: readonly PersonLook[] }) {
  if (people.length === 0) return null;
  return (
    <div className="peer-selection" style={colourStyle(people[0]!)} title={selectedByText(people)}>
      <span className="peer-tags">
        {people.map((look, i) => (
          <span key={i} className="peer-tag" style={colourStyle(look)}>
            {look.name}
          </span>
        ))}
      </span>
    </div>
  );
}
