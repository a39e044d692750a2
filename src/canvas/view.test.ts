import { describe, expect, it } from 'vitest';
import { addNode, connect, moveNodes, setLabel, setNodeProp, updateEdge } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { groupAt } from './dropTarget.ts';
import { borderPoint } from '../model/geometry.ts';
import { busyClassOf, canvasLoadOf, createViewCache, decorFiguresOf, drawnTheSame, edgeRateOf, drawsTheSame, EDGE_ANCHOR, keepDrawn, type ViewContext } from './view.ts';
import { emptyAnalysis, summarise } from '../store/analysisView.ts';
import type { Finding } from '../analysis/types.ts';
import type { LoadReport } from '../analysis/numbers/load.ts';

function doc() {
  let d = emptyDiagram();
  d = addNode(d, 'region', { x: 0, y: 0 }, { id: 'r' });
  d = addNode(d, 'zone', { x: 20, y: 40 }, { id: 'z', parentId: 'r' });
  d = addNode(d, 'service', { x: 10, y: 10 }, { id: 's', parentId: 'z' });
  d = addNode(d, 'cache', { x: 900, y: 0 }, { id: 'c' });
  return d;
}

const none = new Set<string>();

function context(overrides: Partial<ViewContext> = {}): ViewContext {
  return { selected: none, dimmed: none, affected: none, highlighted: none, analysis: emptyAnalysis, editingLabel: null, tint: 'none', ...overrides };
}

describe('view cache', () => {
  it('reuses view objects for nodes an edit did not touch', () => {
    const cache = createViewCache();
    const base = doc();
    const again = cache.nodes(base, context());
    const next = cache.nodes(moveNodes(base, new Map([['c', { x: 1, y: 1 }]])), context());
    expect(next[0]).toBe(again[0]);
    expect(next[3]).not.toBe(again[3]);
    expect(next[3]!.position).toEqual({ x: 1, y: 1 });
  });

  it('keeps the whole list when an edit changes only what no node draws, and rebuilds for what one does', () => {
    const cache = createViewCache();
    const base = doc();
    const first = cache.nodes(base, context());
    // A capacity is not drawn: React Flow gets the very same list.
    expect(cache.nodes(setNodeProp(base, 's', 'capacityRps', 500), context())).toBe(first);
    // Replicas are (the ×3 badge), and so is a label.
    const replicated = cache.nodes(setNodeProp(base, 's', 'replicas', 3), context());
    expect(replicated[2]).not.toBe(first[2]);
    expect(replicated[2]!.data.node.props.replicas).toBe(3);
    expect(cache.nodes(setLabel(base, 'c', 'Sessions'), context())[3]!.data.node.label).toBe('Sessions');
  });

  it('rebuilds a node whose selection or dimming changed', () => {
    const cache = createViewCache();
    const d = doc();
    const plain = cache.nodes(d, context());
    const selected = cache.nodes(d, context({ selected: new Set(['s']) }));
    expect(selected[2]).not.toBe(plain[2]);
    expect(selected[2]!.selected).toBe(true);
    expect(selected[2]!.data.decor.selected).toBe(true);
    expect(selected[1]).toBe(plain[1]);
    const dimmed = cache.nodes(d, context({ selected: new Set(['s']), dimmed: new Set(['c']) }));
    expect(dimmed[3]!.className).toBe('is-dimmed');
    const marked = cache.nodes(d, context({ selected: new Set(['s']), dimmed: new Set(['c']), affected: new Set(['s']) }));
    expect(marked[2]!.className).toBe('is-affected');
    expect(marked[3]).toBe(dimmed[3]);
  });

  it('rebuilds only the nodes whose findings changed after a review', () => {
    const cache = createViewCache();
    const d = doc();
    const before = cache.nodes(d, context());
    const finding: Finding = { rule: 'spof', severity: 'error', nodes: ['c', 's'], edges: [], message: 'm', subjects: ['c'], actions: ['show', 'what-if'] };
    const after = cache.nodes(d, context({ analysis: summarise([finding]) }));
    expect(after[3]!.data.decor).toMatchObject({ worst: 'error', findings: 1 });
    expect(after[3]).not.toBe(before[3]);
    // The rest of a SPOF finding's nodes are its blast radius, not its subject.
    expect(after[2]).toBe(before[2]);
    const again = cache.nodes(d, context({ analysis: summarise([finding]) }));
    expect(again[3]).toBe(after[3]);
  });

  it('marks the node whose label is being edited', () => {
    const views = createViewCache().nodes(doc(), context({ editingLabel: 's' }));
    expect(views.map((view) => view.data.decor.editing)).toEqual([false, false, true, false]);
  });

  it('gives groups their size and a parent to children', () => {
    const views = createViewCache().nodes(doc(), context());
    expect(views[0]).toMatchObject({ type: 'group', width: 720, height: 440 });
    expect(views[2]).toMatchObject({ type: 'component', parentId: 'z', width: 180, height: 64 });
  });

  it('declares handles up front: edges attach at the centre, connections start on a side', () => {
    const views = createViewCache().nodes(doc(), context());
    expect(views[2]!.handles?.map((handle) => [handle.id, handle.x, handle.y])).toEqual([
      ['centre', 90, 32],
      ['top', 85.5, -4.5],
      ['right', 175.5, 27.5],
      ['bottom', 85.5, 59.5],
      ['left', -4.5, 27.5],
    ]);
    expect(views[0]!.handles?.map((handle) => [handle.id, handle.x, handle.y])).toEqual([['centre', 360, 220]]);
  });
});

describe('groupAt', () => {
  it('finds the innermost group a component may go in', () => {
    const d = doc();
    expect(groupAt(d, { x: 30, y: 50 }, 'service')).toBe('z');
    expect(groupAt(d, { x: 600, y: 400 }, 'service')).toBe('r');
    expect(groupAt(d, { x: 2000, y: 2000 }, 'service')).toBeUndefined();
  });

  it('puts zones only in regions and regions nowhere', () => {
    const d = doc();
    expect(groupAt(d, { x: 30, y: 50 }, 'zone')).toBe('r');
    expect(groupAt(d, { x: 30, y: 50 }, 'region')).toBeUndefined();
  });

  it('never offers a group as its own parent', () => {
    expect(groupAt(doc(), { x: 30, y: 50 }, 'zone', 'z')).toBe('r');
  });
});

describe('borderPoint', () => {
  it('leaves the rectangle on the side facing the target', () => {
    const rect = { x: 0, y: 0, width: 100, height: 50 };
    expect(borderPoint(rect, { x: 500, y: 25 })).toEqual({ x: 100, y: 25 });
    expect(borderPoint(rect, { x: 50, y: -500 })).toEqual({ x: 50, y: 0 });
  });
});

describe('edge views', () => {
  it('returns the same array while no edge changed, so React Flow keeps its index', () => {
    const cache = createViewCache();
    let d = connect(doc(), 's', 'c', { id: 'e1' });
    const first = cache.edges(d, none);
    d = moveNodes(d, new Map([['c', { x: 5, y: 5 }]]));
    expect(cache.edges(d, none)).toBe(first);
    const selected = cache.edges(d, new Set(['e1']));
    expect(selected).not.toBe(first);
    expect(selected[0]!.selected).toBe(true);
  });

  it('gives each edge the sizes of its two ends', () => {
    const d = connect(doc(), 's', 'z', { id: 'e1' });
    const [edge] = createViewCache().edges(d, none);
    expect(edge!.data).toMatchObject({ sourceSize: { width: 180, height: 64 }, targetSize: d.nodes[1]!.size });
  });

  // React Flow forgets declared handles once it has measured a node, and an edge that
  // names no handle takes the first one it finds: a side handle, half a node off.
  it('attaches every edge to the centre anchor of both its ends, which every node declares', () => {
    const d = connect(connect(doc(), 's', 'z', { id: 'e1' }), 'c', 's', { id: 'e2' });
    const nodes = createViewCache().nodes(d, context());
    for (const edge of createViewCache().edges(d, none)) {
      expect(edge).toMatchObject({ sourceHandle: EDGE_ANCHOR, targetHandle: EDGE_ANCHOR });
      for (const end of [edge.source, edge.target]) {
        const view = nodes.find((node) => node.id === end)!;
        const anchor = view.handles?.find((handle) => handle.id === EDGE_ANCHOR);
        expect(anchor).toMatchObject({ x: view.width! / 2, y: view.height! / 2, width: 0, height: 0 });
      }
    }
  });
});

describe('drawsTheSame', () => {
  it('skips drawing a node again when it only moved', () => {
    const cache = createViewCache();
    const d = doc();
    const [, , before] = cache.nodes(d, context());
    const moved = cache.nodes(moveNodes(d, new Map([['s', { x: 50, y: 50 }]])), context())[2]!;
    expect(moved).not.toBe(before);
    expect(drawsTheSame(before!, moved)).toBe(true);
    const renamed = cache.nodes(setLabel(d, 's', 'Orders'), context())[2]!;
    expect(drawsTheSame(before!, renamed)).toBe(false);
    const selected = cache.nodes(d, context({ selected: new Set(['s']) }))[2]!;
    expect(drawsTheSame(before!, selected)).toBe(false);
  });
});

describe('node view array', () => {
  it('is the same array when a review changed no node', () => {
    const cache = createViewCache();
    const d = doc();
    const first = cache.nodes(d, context());
    expect(cache.nodes(d, context({ analysis: summarise([]) }))).toBe(first);
    expect(cache.nodes(d, context({ selected: new Set(['c']) }))).not.toBe(first);
  });

  it('lights up the components a finding is about, and redraws only those', () => {
    const cache = createViewCache();
    const d = doc();
    const before = cache.nodes(d, context());
    const after = cache.nodes(d, context({ highlighted: new Set(['c']) }));
    const lit = after.find((view) => view.id === 'c')!;
    expect(lit.className).toBe('is-highlighted');
    expect(lit.data.decor.highlighted).toBe(true);
    for (const view of after) if (view.id !== 'c') expect(view).toBe(before.find((old) => old.id === view.id));
  });

  it('tints a node by its share of downtime only while the tint is on', () => {
    const analysis = { ...emptyAnalysis, downtimeShareByNode: new Map([['c', 'most' as const]]) };
    const cache = createViewCache();
    const off = cache.nodes(doc(), context({ analysis })).find((view) => view.id === 'c')!;
    expect(off.className).toBeUndefined();
    const on = cache.nodes(doc(), context({ analysis, tint: 'downtime' })).find((view) => view.id === 'c')!;
    expect(on.className).toBe('tint-most');
    expect(on.data.decor.tint).toBe('tint-most');
  });
});

describe('the document as the canvas draws it', () => {
  it('is the same for an edit no node or edge shows, and not for one they do', () => {
    const base = connect(doc(), 's', 'c');
    expect(drawnTheSame(base, setNodeProp(base, 's', 'capacityRps', 500))).toBe(true);
    expect(drawnTheSame(base, setNodeProp(base, 's', 'replicas', 3))).toBe(false);
    expect(drawnTheSame(base, setLabel(base, 'c', 'Sessions'))).toBe(false);
    expect(drawnTheSame(base, moveNodes(base, new Map([['c', { x: 1, y: 1 }]])))).toBe(false);
    expect(drawnTheSame(base, updateEdge(base, base.edges[0]!.id, { label: 'reads' }))).toBe(false);
    expect(drawnTheSame(base, { ...base, nodes: [...base.nodes].reverse() })).toBe(false);
    expect(drawnTheSame(base, addNode(base, 'queue', { x: 0, y: 400 }))).toBe(false);
  });

  it('keeps answering with the document last drawn until one draws differently', () => {
    const drawn = keepDrawn();
    const base = doc();
    expect(drawn(base)).toBe(base);
    expect(drawn(setNodeProp(base, 's', 'capacityRps', 500))).toBe(base);
    const renamed = setLabel(base, 's', 'Orders');
    expect(drawn(renamed)).toBe(renamed);
    expect(drawn(setNodeProp(renamed, 's', 'capacityRps', 100))).toBe(renamed);
  });
});

describe('decorFiguresOf', () => {
  it('passes on the downtime colours only under their tint, and never the load figures', () => {
    const analysis = { ...emptyAnalysis, busyByNode: new Map([['c', 'over' as const]]), downtimeShareByNode: new Map([['c', 'most' as const]]) };
    expect(decorFiguresOf(analysis, 'none').downtimeShareByNode.size).toBe(0);
    expect(decorFiguresOf(analysis, 'downtime').downtimeShareByNode).toBe(analysis.downtimeShareByNode);
    expect(Object.keys(decorFiguresOf(analysis, 'load'))).not.toContain('busyByNode');
    // New load figures, as every rps edit brings, leave the canvas's figures alike under every tint.
    const next = { ...analysis, busyByNode: new Map(analysis.busyByNode), load: loadOf({ e1: 10 }) };
    for (const tint of ['none', 'downtime', 'load'] as const) {
      const before = decorFiguresOf(analysis, tint);
      const after = decorFiguresOf(next, tint);
      for (const key of Object.keys(before) as (keyof typeof before)[]) expect(after[key]).toBe(before[key]);
    }
  });
});

/** A load report with only the edge rates given. */
function loadOf(rates: Record<string, number>, active = true): LoadReport {
  return { active, components: [], edgeRate: new Map(Object.entries(rates)), cost: { total: 0, components: [] } };
}

describe('the load figures a node or an edge reads itself', () => {
  const analysis = { ...emptyAnalysis, busyByNode: new Map([['c', 'tight' as const]]), load: loadOf({ e1: 1200, e2: 0.5 }) };

  it('gives a component its load colour while the canvas is coloured by load', () => {
    expect(busyClassOf(canvasLoadOf({ canvasTint: 'load', analysis }), 'c')).toBe('busy-tight');
    expect(busyClassOf(canvasLoadOf({ canvasTint: 'load', analysis }), 's')).toBeUndefined();
    expect(busyClassOf(canvasLoadOf({ canvasTint: 'downtime', analysis }), 'c')).toBeUndefined();
    expect(busyClassOf(canvasLoadOf({ canvasTint: 'none', analysis }), 'c')).toBeUndefined();
  });

  it('labels an edge with its rate while the canvas is coloured by load and some client has a rate', () => {
    expect(edgeRateOf(canvasLoadOf({ canvasTint: 'load', analysis }), 'e1')).toBe('1,200/s');
    expect(edgeRateOf(canvasLoadOf({ canvasTint: 'load', analysis }), 'e3')).toBeUndefined();
    expect(edgeRateOf(canvasLoadOf({ canvasTint: 'none', analysis }), 'e1')).toBeUndefined();
    expect(edgeRateOf(canvasLoadOf({ canvasTint: 'load', analysis: { ...analysis, load: loadOf({ e1: 1200 }, false) } }), 'e1')).toBeUndefined();
  });

  it('stays the same while the figures it shows do, so its nodes and edges are left alone', () => {
    const under = (tint: 'none' | 'load', figures: typeof analysis) => canvasLoadOf({ canvasTint: tint, analysis: figures });
    const other = { ...analysis, findings: [] };
    expect(under('none', analysis)).toBe(under('none', other));
    for (const key of ['busyByNode', 'edgeRate'] as const) expect(under('load', other)[key]).toBe(under('load', analysis)[key]);
  });
});
