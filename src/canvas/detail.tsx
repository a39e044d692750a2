import { useStore } from '@xyflow/react';
import { createContext, useContext, type ReactNode } from 'react';

// Below this zoom a component is a few dozen pixels wide: its icon, kind and badges
// cannot be read, and drawing them is most of what a large diagram costs to paint.
// Components are then drawn as a labelled box, and connecting starts after zooming in.
export const COMPACT_BELOW_ZOOM = 0.45;

const CompactContext = createContext(false);

/** Tells the nodes below whether to draw themselves compact. Re-renders them only
 *  when the zoom crosses the threshold, not on every zoom step. */
export function DetailLevel({ children }: { children: ReactNode }) {
  const compact = useStore((state) => state.transform[2] < COMPACT_BELOW_ZOOM);
  return <CompactContext value={compact}>{children}</CompactContext>;
}

export const useCompact = (): boolean => useContext(CompactContext);
