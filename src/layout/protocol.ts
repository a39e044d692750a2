import type { Diagram } from '../model/types.ts';
import type { LayoutOptions, Placement } from './elk-graph.ts';

// The messages between the layout client and the ELK worker. Every message carries
// the id of the request it belongs to; the worker answers only the latest request.

export interface LayoutRequest {
  type: 'layout';
  id: number;
  doc: Diagram;
  options: LayoutOptions;
}

/** `loading`: the layout engine is being fetched and started; `layout`: it is running. */
export type LayoutStage = 'loading' | 'layout';

export type LayoutResponse =
  | { type: 'progress'; id: number; stage: LayoutStage }
  | { type: 'done'; id: number; placements: Placement[] }
  | { type: 'failed'; id: number; message: string };
