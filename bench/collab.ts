// Live collaboration under load: the collaboration server as `npm run collab` runs it
// (its own process, with its log and room check), and 20 simulated people in this
// process, each a @hocuspocus/provider over its own WebSocket, editing one room of 200
// components for 60 s (BENCH_COLLAB_SECONDS to shorten). Each person owns 1/20 of
// the components and edits one of them about twice a second (a label, with a position
// or a replica count beside it), one Y transaction per edit, as the app writes them.
//
// Edit-to-visible latency: from the transaction in one person's Y.Doc to the change in
// each other person's Y.Doc (all in one process, one clock). What a browser adds on
// top (validation by the client's guard, measured by bench/guard.ts, and rendering) is
// not counted; the server's own check of every update is.
//
// At the end every person's document must be the same, hold every person's last edit
// to each component it owns, every edit must have been seen by all the other 19, and
// one who joins afterwards must get the same valid document from the server.
//
// Run: node --import tsx bench/collab.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { canonical, connectClient, eventually, freePort, startServerProcess, type TestClient } from '../server/testing.ts';
import { newRoomKeys } from '../src/collab/capability.ts';
import { validateCandidate } from '../src/collab/guard.ts';
import { readDiagram, rootsOf, seedDiagram } from '../src/collab/ydiagram.ts';
import { generateDocument } from './analysis.ts';
import { seededRandom } from './random.ts';

const PEOPLE = 20;
const COMPONENTS = 200;
const SECONDS = Number(process.env.BENCH_COLLAB_SECONDS ?? 60);
const EDIT_EVERY_MS = 500;
const TARGET_P95_MS = 50;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'faultline-bench-collab-'));
const server = await startServerProcess(port, dataDir, 300);
const keys = await newRoomKeys();
const people: TestClient[] = [];

try {
  for (let i = 0; i < PEOPLE; i++) people.push(connectClient(server.url, keys.room, keys.edit));
  await Promise.all(people.map((person) => person.synced));
  const diagram = generateDocument(COMPONENTS, Math.round(COMPONENTS * 1.5), 5, 7);
  seedDiagram(people[0]!.doc, diagram);
  await eventually(() => people.every((person) => rootsOf(person.doc).nodes.size === diagram.nodes.length), 20_000, 'the seeded room to reach everyone');
  const componentIds = diagram.nodes.filter((node) => node.kind !== 'region' && node.kind !== 'zone').map((node) => node.id);

  // Each edit's label is its mark; when it was made, and who has seen it.
  const madeAt = new Map<string, number>();
  const seenBy = new Map<string, number>();
  const latencies: number[] = [];
  people.forEach((person, index) => {
    rootsOf(person.doc).nodes.observeDeep((events, transaction) => {
      if (transaction.local) return;
      const now = performance.now();
      for (const event of events) {
        if (!(event instanceof Y.YMapEvent) || !(event.target instanceof Y.Map) || !event.keysChanged.has('label')) continue;
        const mark = event.target.get('label');
        const at = typeof mark === 'string' ? madeAt.get(mark) : undefined;
        if (at === undefined || mark!.startsWith(`p${index}:`)) continue;
        latencies.push(now - at);
        seenBy.set(mark as string, (seenBy.get(mark as string) ?? 0) + 1);
      }
    });
  });

  const lastMark = new Map<string, string>();
  const timers: NodeJS.Timeout[] = [];
  const rand = seededRandom(11);
  people.forEach((person, index) => {
    const owned = componentIds.filter((_, i) => i % PEOPLE === index);
    let count = 0;
    const edit = () => {
      const id = owned[Math.floor(rand() * owned.length)]!;
      const node = rootsOf(person.doc).nodes.get(id) as Y.Map<unknown>;
      const mark = `p${index}:${count++}`;
      person.doc.transact(() => {
        node.set('label', mark);
        if (count % 2 === 0) node.set('position', { x: Math.round(rand() * 3000), y: Math.round(rand() * 600) });
        else (node.get('props') as Y.Map<unknown>).set('replicas', 1 + Math.floor(rand() * 5));
        madeAt.set(mark, performance.now());
      });
      lastMark.set(id, mark);
    };
    // Spread the people over the interval, each with a little jitter.
    timers.push(setTimeout(function tick() {
      edit();
      timers.push(setTimeout(tick, EDIT_EVERY_MS * (0.75 + rand() * 0.5)));
    }, (index / PEOPLE) * EDIT_EVERY_MS));
  });

  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  for (const timer of timers) clearTimeout(timer);
  const elapsed = (performance.now() - started) / 1000;

  await eventually(() => people.every((person) => !person.provider.hasUnsyncedChanges), 30_000, 'every edit to be acknowledged');
  const roots = ['meta', 'nodes', 'edges'];
  const everyoneSeesAll = () => [...madeAt.keys()].every((mark) => seenBy.get(mark) === PEOPLE - 1);
  await eventually(everyoneSeesAll, 30_000, 'every edit to reach everyone').catch(() => {});
  const reference = canonical(people[0]!.doc, roots);
  const converged = people.every((person) => canonical(person.doc, roots) === reference);
  const lastEditsKept = people.every((person) =>
    [...lastMark].every(([id, mark]) => (rootsOf(person.doc).nodes.get(id) as Y.Map<unknown>).get('label') === mark),
  );
  const missing = [...madeAt.keys()].filter((mark) => seenBy.get(mark) !== PEOPLE - 1).length;

  const late = connectClient(server.url, keys.room, keys.edit);
  people.push(late);
  await late.synced;
  const lateSame = canonical(late.doc, roots) === reference;
  const valid = validateCandidate(readDiagram(late.doc)).ok;

  latencies.sort((a, b) => a - b);
  const p95 = percentile(latencies, 95);
  const ok = converged && lastEditsKept && missing === 0 && lateSame && valid;
  const rows: [string, string][] = [
    ['room', `${componentIds.length} components and ${diagram.nodes.length - componentIds.length} groups, ${diagram.edges.length} edges`],
    ['people', `${PEOPLE}, each editing about every ${EDIT_EVERY_MS} ms, for ${elapsed.toFixed(0)} s`],
    ['edits', `${madeAt.size.toLocaleString('en-US')} (${(madeAt.size / elapsed).toFixed(0)} a second), seen ${latencies.length.toLocaleString('en-US')} times by the others`],
    ['edit-to-visible latency', `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms (target p95 ≤ ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'})`],
    ['converged', converged ? `yes, all ${PEOPLE} documents identical` : 'NO'],
    ['edits lost', missing === 0 && lastEditsKept ? 'none (each seen by all 19 others; last edits kept)' : `${missing} not seen by everyone${lastEditsKept ? '' : ', last edits overwritten'}`],
    ['one who joins afterwards', `${lateSame ? 'same document' : 'A DIFFERENT DOCUMENT'}, ${valid ? 'valid' : 'INVALID'}`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  for (const person of people) person.close();
  await server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
