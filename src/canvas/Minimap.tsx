import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useEditor } from '../store/context.ts';
import { colorSchemeOf } from '../store/editor.ts';
import { boundsOf } from '../model/geometry.ts';
import { TOKENS } from '../theme/tokens.ts';
import { visibleRect } from '../model/viewport.ts';
import { fitFrame, shapesOf, toDiagram, toMinimap } from './minimap.ts';
import { keepDrawn } from './view.ts';

const SIZE = { width: 200, height: 140 };

/** The whole diagram in the corner, drawn on one canvas, with the visible part framed.
 *  Pressing or dragging on it moves the view there. */
export function Minimap() {
  // Redrawn for what it shows, not for an edit to a property no shape reflects.
  const [drawn] = useState(keepDrawn);
  const doc = useEditor((state) => drawn(state.doc));
  const selected = useEditor((state) => state.selectedNodes);
  const worst = useEditor((state) => state.analysis.worstByNode);
  // Its colours are the theme's tokens, taken from the table the stylesheet is written
  // from: reading them from the page (getComputedStyle) would make the browser work out
  // every element's style in the middle of each redraw, and it redraws on every edit.
  const scheme = useEditor(colorSchemeOf);
  const transform = useStore((state) => state.transform);
  const flowWidth = useStore((state) => state.width);
  const flowHeight = useStore((state) => state.height);
  const flow = useReactFlow();
  const canvas = useRef<HTMLCanvasElement>(null);

  const shapes = useMemo(() => shapesOf(doc), [doc]);
  const frame = useMemo(() => {
    const bounds = boundsOf(shapes.map((shape) => shape.rect));
    return bounds ? fitFrame(bounds, SIZE) : null;
  }, [shapes]);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = SIZE.width * ratio;
    element.height = SIZE.height * ratio;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, SIZE.width, SIZE.height);
    if (!frame) return;
    const tokens = TOKENS[scheme];
    const fill = { plain: tokens.muted, selected: tokens.accent, error: tokens.error, warning: tokens.warning };
    context.strokeStyle = fill.plain;
    for (const shape of shapes) {
      const rect = toMinimap(shape.rect, frame);
      if (shape.group) {
        context.strokeRect(rect.x, rect.y, rect.width, rect.height);
        continue;
      }
      const severity = worst.get(shape.id);
      context.fillStyle = selected.has(shape.id) ? fill.selected : severity === 'error' ? fill.error : severity === 'warning' ? fill.warning : fill.plain;
      context.fillRect(rect.x, rect.y, Math.max(1, rect.width), Math.max(1, rect.height));
    }
  }, [shapes, frame, selected, worst, scheme]);

  const view = frame ? toMinimap(visibleRect({ x: transform[0], y: transform[1], zoom: transform[2] }, { width: flowWidth, height: flowHeight }), frame) : null;

  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!frame) return;
    const box = event.currentTarget.getBoundingClientRect();
    const point = toDiagram({ x: event.clientX - box.left, y: event.clientY - box.top }, frame);
    void flow.setCenter(point.x, point.y, { zoom: transform[2] });
  };

  return (
    <Panel position="bottom-right" className="minimap">
      <canvas
        ref={canvas}
        role="img"
        aria-label="Minimap"
        style={{ width: SIZE.width, height: SIZE.height }}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) moveTo(event);
        }}
      />
      {view && (
        <div
          className="minimap-view"
          style={{ left: view.x, top: view.y, width: view.width, height: view.height }}
        />
      )}
    </Panel>
  );
}
