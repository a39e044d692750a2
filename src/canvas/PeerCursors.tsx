import { useStore, ViewportPortal } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { peerColourToken } from '../collab/presence.ts';
import { useEditor } from '../store/context.ts';

const zoomOf = (state: { transform: [number, number, number] }) => state.transform[2];

/** The others' pointers, placed in flow coordinates so they sit on the same spot of
 *  the diagram whatever each person's pan and zoom; drawn at one size at any zoom. */
export function PeerCursors() {
  const peers = useEditor((state) => state.peers);
  const zoom = useStore(zoomOf);
  return (
    <ViewportPortal>
      {peers.map(
        (peer) =>
          peer.cursor && (
            <div
              key={peer.clientId}
              className="peer-cursor"
              role="img"
              aria-label={`${peer.name}’s pointer`}
              style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px) scale(${1 / zoom})`, '--peer': peerColourToken(peer.colour) } as CSSProperties}
            >
              <svg className="peer-arrow" width="16" height="20" viewBox="0 0 16 20" aria-hidden>
                <path d="M1 1 L1 16 L5 12 L8 19 L11 18 L8 11 L14 11 Z" />
              </svg>
              <span className="peer-name" aria-hidden>
                {peer.name}
              </span>
            </div>
          ),
      )}
    </ViewportPortal>
  );
}
