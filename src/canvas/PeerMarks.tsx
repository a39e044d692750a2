import type { CSSProperties } from 'react';
import { peerColourToken, type PersonLook } from '../collab/presence.ts';
import { marksText, type PeerMark } from './peers.ts';

const colourStyle = (look: PersonLook) => ({ '--peer': peerColourToken(look.colour) }) as CSSProperties;

/** The outline and name tags on a component others in the room have selected or drag. */
export function PeerMarks({ marks }: { marks: readonly PeerMark[] }) {
  if (marks.length === 0) return null;
  return (
    <div className="peer-selection" style={colourStyle(marks[0]!)} title={marksText(marks)}>
      <span className="peer-tags">
        {marks.map((mark, i) => (
          <span key={i} className="peer-tag" style={colourStyle(mark)}>
            <span className="peer-tag-name">{mark.name}</span>
            {mark.moving && <span className="peer-moving">· moving</span>}
          </span>
        ))}
      </span>
    </div>
  );
}
