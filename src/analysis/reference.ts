import fc from 'fast-check';
import { kindInfo } from '../model/catalogue.ts';
import { isGroupKind, type Diagram, type DiagramNode } from '../model/types.ts';
import { diagram, edge, node } from './testing.ts';

// The brief's dependency model applied literally and written apart from the engine, for
// tests that check the engine against it on random documents: each component's need
// sets, and the working components of a state found by taking away, again and again,
// any up component with an unmet need set until nothing changes. Only tests import it.

const STATELESS = new Set(['dns', 'cdn', 'load-balancer', 'api-gateway', 'service', 'websocket-server', 'worker']);
const MANAGED = new Set(['dns', 'cdn', 'object-storage']);

function stripCopyMarker(label: string): string {
  const lower = label.trim().toLowerCase();
  const number = /^(.*?)[ _-]?[0-9]+$/.exec(lower);
  if (number) return number[1]!.trim();
  const letter = /^(.*)[ _-][a-z]$/.exec(lower);
  return letter ? letter[1]!.trim() : lower;
}

export interface ReferenceModel {
  byId: Map<string, DiagramNode>;
  components: DiagramNode[];
  groups: DiagramNode[];
  isEntry(n: DiagramNode): boolean;
  replicas(n: DiagramNode): number;
  minHealthy(n: DiagramNode): number;
  managed(n: DiagramNode): boolean;
  /** Whether `n` sits anywhere inside `groupId`. */
  inside(n: DiagramNode, groupId: string): boolean;
  /** The working components when the components `down` says are down (entries never are). */
  workingWith(down: (c: DiagramNode) => boolean): Set<string>;
}

export function referenceModel(doc: Diagram): ReferenceModel {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const components = doc.nodes.filter((n) => !isGroupKind(n.kind));
  const groups = doc.nodes.filter((n) => isGroupKind(n.kind));
  const isEntry = (n: DiagramNode) => n.kind === 'client';
  const replicas = (n: DiagramNode) => (n.props.replicas as number | undefined) ?? 1;
  const minHealthy = (n: DiagramNode) =>
    (n.props.minHealthy as number | undefined) ?? (n.kind === 'coordination' ? Math.floor(replicas(n) / 2) + 1 : 1);
  const managed = (n: DiagramNode) => (n.props.managed as boolean | undefined) ?? MANAGED.has(n.kind);
  const needSets = new Map<string, string[][]>();
  for (const c of components) {
    const targets: string[] = [];
    for (const e of doc.edges) {
      const kind = e.props.kind ?? 'request';
      const target = byId.get(e.target);
      if (e.source !== c.id || e.target === c.id || kind === 'replication' || (e.props as { optional?: boolean }).optional) continue;
      if (!target || isGroupKind(target.kind) || targets.includes(e.target)) continue;
      targets.push(e.target);
    }
    let sets: string[][];
    if (c.kind === 'external') sets = [];
    else if (c.props.needs === 'any') sets = targets.length ? [targets] : [];
    else if (c.props.needs === 'all') sets = targets.map((t) => [t]);
    else {
      sets = [];
      for (const t of targets) {
        const node = byId.get(t)!;
        const same = sets.find(
          (set) => STATELESS.has(node.kind) && set.every((m) => byId.get(m)!.kind === node.kind && stripCopyMarker(byId.get(m)!.label) === stripCopyMarker(node.label)),
        );
        if (same) same.push(t);
        else sets.push([t]);
      }
    }
    needSets.set(c.id, sets);
  }
  const inside = (n: DiagramNode, groupId: string) => {
    const seen = new Set<string>();
    for (let p = n.parentId; p && !seen.has(p); p = byId.get(p)?.parentId) {
      seen.add(p);
      if (p === groupId) return true;
    }
    return false;
  };
  const workingWith = (down: (c: DiagramNode) => boolean) => {
    const working = new Set(components.filter((c) => isEntry(c) || (!down(c) && replicas(c) >= minHealthy(c))).map((c) => c.id));
    for (let changed = true; changed; ) {
      changed = false;
      for (const id of [...working]) {
        const met = needSets.get(id)!.every((set) => set.some((t) => working.has(t) || isEntry(byId.get(t)!)));
        if (!met) {
          working.delete(id);
          changed = true;
        }
      }
    }
    return working;
  };
  return { byId, components, groups, isEntry, replicas, minHealthy, managed, inside, workingWith };
}

/** The availability figure in use for a node, read straight from its props and its kind's figures. */
export function referenceAvailability(ref: ReferenceModel, n: DiagramNode): number {
  const set = n.props.availability;
  if (typeof set === 'number') return set;
  const { figures } = kindInfo(n.kind);
  return ((!isGroupKind(n.kind) && ref.managed(n) ? figures.serviceAvailability : undefined) ?? figures.availability)?.value ?? 1;
}

const KINDS = ['client', 'service', 'service', 'load-balancer', 'sql-database', 'queue', 'worker', 'external', 'dns', 'coordination', 'cache'] as const;
const LABELS = ['Web 1', 'Web 2', 'web-a', 'Web b', 'API', 'api', 'Shard 1', 'Shard 2', 'Store'];
const FIGURES = [undefined, undefined, 0.9, 0.5, 0.99, 1] as const;

/** Random small documents: pools, `any`/`all`, optional edges, minHealthy, managed
 *  components, nested groups, cycles and some availability figures. */
export function randomDoc(size = 10, maxEdges = 26): fc.Arbitrary<Diagram> {
  const each = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: size, maxLength: size });
  return fc
    .record({
      kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: size }),
      labels: each(fc.constantFrom(...LABELS)),
      replicas: each(fc.constantFrom(1, 1, 2, 3)),
      needs: each(fc.constantFrom(undefined, undefined, 'all', 'any')),
      minHealthy: each(fc.constantFrom(undefined, undefined, undefined, 1, 2)),
      managed: each(fc.constantFrom(undefined, undefined, undefined, true, false)),
      parents: each(fc.constantFrom('none', 'none', 'r1', 'z1', 'z2', 'r2')),
      figures: fc.array(fc.constantFrom(...FIGURES), { minLength: size + 4, maxLength: size + 4 }),
      edges: fc.array(
        fc.tuple(fc.nat(size - 1), fc.nat(size - 1), fc.constantFrom('request', 'request', 'async', 'replication') as fc.Arbitrary<'request' | 'async' | 'replication'>, fc.boolean(), fc.nat(5)),
        { maxLength: maxEdges },
      ),
    })
    .map(({ kinds, labels, replicas, needs, minHealthy, managed, parents, figures, edges }) => {
      const figure = (i: number): Record<string, number> => (figures[i] === undefined ? {} : { availability: figures[i]! });
      const comps = kinds.map((kind, i) => {
        const props: Record<string, string | number | boolean> = { replicas: replicas[i]! };
        if (needs[i]) props.needs = needs[i]!;
        if (minHealthy[i] !== undefined && minHealthy[i]! <= replicas[i]!) props.minHealthy = minHealthy[i]!;
        if (managed[i] !== undefined) props.managed = managed[i]!;
        if (kind !== 'client') Object.assign(props, figure(i));
        const parent = parents[i]!;
        return node(`n${i}`, kind, props, { label: labels[i]!, ...(parent === 'none' ? {} : { parentId: parent }) });
      });
      const groups = [
        node('r1', 'region', figure(size)),
        node('z1', 'zone', figure(size + 1), { parentId: 'r1' }),
        node('z2', 'zone', figure(size + 2), { parentId: 'r1' }),
        node('r2', 'region', figure(size + 3)),
      ];
      const links = edges
        .filter(([a, b]) => a < kinds.length && b < kinds.length)
        // One in six edges optional, by the fifth element.
        .map(([a, b, kind, , roll], i) => edge(`n${a}`, `n${b}`, roll === 0 ? ({ kind, optional: true } as never) : { kind }, `e${i}`));
      return diagram(...groups, ...comps, ...links);
    });
}
