/** Counts custom-node renders when a benchmark has asked for it by defining
 *  `window.__faultlineRenders`; otherwise one property read and nothing else. */
export function countRender(): void {
  const counter = globalThis as { __faultlineRenders?: number };
  if (counter.__faultlineRenders !== undefined) counter.__faultlineRenders++;
}
