import type { DocumentData, Migration } from './index.ts';

// Version 1 -> 2: the dependency model and the numbers. Version 2 gives meaning to new
// property names. A version 1 file could already use one of them as a property of its
// own, which meant nothing to the review then; so that the file means the same after
// the upgrade, such a value moves to `<name>_v1` (or `<name>_v1_2`, ... when that is
// taken too) and the upgrade says so. The lists are frozen here, as released: they
// must not follow later changes to the catalogue.

const COMPONENT = ['needs', 'minHealthy', 'managed', 'availability', 'capacityRps', 'latencyMs', 'costPerMonth'];
const CLIENT = ['needs', 'rps', 'latencyBudgetMs', 'availabilityTarget'];
const CACHING = [...COMPONENT, 'hitRate'];
const GROUP = ['availability'];
const EDGE = ['optional', 'callsPerRequest', 'weight'];

/** The names version 2 gives meaning to, for each kind of version 1. */
export const NEW_NAMES: Readonly<Record<string, readonly string[]>> = {
  client: CLIENT,
  cache: CACHING,
  cdn: CACHING,
  region: GROUP,
  zone: GROUP,
};

function namesFor(kind: unknown): readonly string[] {
  if (typeof kind !== 'string') return [];
  return Object.hasOwn(NEW_NAMES, kind) ? NEW_NAMES[kind]! : COMPONENT;
}

function freeName(props: Record<string, unknown>, key: string): string {
  let name = `${key}_v1`;
  for (let n = 2; Object.hasOwn(props, name); n++) name = `${key}_v1_${n}`;
  return name;
}

/** `item` with each of `names` found in its props moved aside (a new object when any
 *  moved; the input is never changed), and what moved where. */
function moveAside(item: unknown, names: readonly string[]): [unknown, [string, string][]] {
  if (typeof item !== 'object' || item === null) return [item, []];
  const props = (item as { props?: unknown }).props;
  if (typeof props !== 'object' || props === null || Array.isArray(props)) return [item, []];
  if (!names.some((key) => Object.hasOwn(props, key))) return [item, []];
  const bag: Record<string, unknown> = { ...props };
  const moved: [string, string][] = [];
  for (const key of names) {
    if (!Object.hasOwn(bag, key)) continue;
    const name = freeName(bag, key);
    bag[name] = bag[key];
    delete bag[key];
    moved.push([key, name]);
  }
  return [{ ...item, props: bag }, moved];
}

const idOf = (item: unknown) => {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? JSON.stringify(id) : '(without an id)';
};

export const dependencyModel: Migration = {
  id: 1,
  description:
    'Adds the dependency model (needs, minHealthy, managed, optional edges) and the numbers (availability, capacity, ' +
    'latency, cost, hit rate, entry load and targets, calls per request, weight); a version 1 property of your own ' +
    'with one of those names moves to <name>_v1.',
  up(doc: DocumentData, note = () => {}) {
    const upgrade = (list: unknown, what: string, namesOf: (item: unknown) => readonly string[]) =>
      Array.isArray(list)
        ? list.map((item) => {
            const [upgraded, moved] = moveAside(item, namesOf(item));
            for (const [from, to] of moved) {
              note(`${what} ${idOf(item)}: its own property "${from}" is kept as "${to}", since version 2 gives "${from}" a meaning`);
            }
            return upgraded;
          })
        : list;
    const kindOf = (item: unknown) => (typeof item === 'object' && item !== null ? (item as { kind?: unknown }).kind : undefined);
    return {
      ...doc,
      version: 2,
      nodes: upgrade(doc.nodes, 'node', (node) => namesFor(kindOf(node))),
      edges: upgrade(doc.edges, 'edge', () => EDGE),
    };
  },
};
