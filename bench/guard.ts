// The client's guard (src/collab/guard.ts) admitting a peer's edit: the time from the
// update reaching this browser's network Y.Doc to its being in the trusted one, checked,
// for rooms of 200 and 500 components. The peer edits one field of one component per
// update (a label, a replica count or a position), as people do.
//
// Run: node --import tsx bench/guard.ts   (BENCH_SIZES=200,500)
import * as Y from 'yjs';
import { guardRoom } from '../src/collab/guard.ts';
import { rootsOf, seedDiagram } from '../src/collab/ydiagram.ts';
import { generateDocument } from './analysis.ts';

const SIZES = (process.env.BENCH_SIZES ?? '200,500').split(',').map(Number);
const EDITS = 300;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

for (const size of SIZES) {
  const diagram = generateDocument(size, Math.round(size * 1.5), 5, 7);
  const peer = new Y.Doc();
  seedDiagram(peer, diagram);
  const network = new Y.Doc();
  Y.applyUpdate(network, Y.encodeStateAsUpdate(peer));
  const trusted = new Y.Doc();
  let refused = 0;
  const guard = guardRoom(network, trusted, { refused: () => refused++, mended: () => {} });
  const ids = diagram.nodes.filter((node) => node.kind !== 'region' && node.kind !== 'zone').map((node) => node.id);
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const node = rootsOf(peer).nodes.get(ids[(i * 7) % ids.length]!) as Y.Map<unknown>;
    const before = Y.encodeStateVector(peer);
    if (i % 3 === 0) node.set('label', `Edit ${i}`);
    else if (i % 3 === 1) (node.get('props') as Y.Map<unknown>).set('replicas', 1 + (i % 5));
    else node.set('position', { x: i, y: i });
    const update = Y.encodeStateAsUpdate(peer, before);
    const start = performance.now();
    Y.applyUpdate(network, update);
    times.push(performance.now() - start);
  }
  guard.dispose();
  const admitted = rootsOf(trusted).nodes.size === diagram.nodes.length && refused === 0;
  console.log(`guard, ${String(size).padStart(3)} components, ${diagram.edges.length} edges: a peer's one-field edit admitted in ${median(times).toFixed(2)} ms median, ${p95(times).toFixed(2)} ms p95 (${EDITS} edits${admitted ? '' : ', SOME REFUSED'})`);
}
