import { CATALOGUE, hasTrait, type NodeKind } from '../../model/catalogue.ts';
import { isGroupKind, type EdgeKind, type GroupKind } from '../../model/types.ts';

// Label words to kinds, for every format that imports other tools' diagrams, from the catalogue's names and synonyms (its one home). A
// label matches a word or phrase when it holds it as whole words, in any case,
// singular or plural; the longest match wins ("API gateway" over "API"), then the
// catalogue's order.

interface Phrase {
  words: string;
  /** The phrase and its plurals, each between spaces, to look for in a label. */
  forms?: readonly string[];
  /** Null for words that name something other than a component. */
  kind: NodeKind | null;
}

// Words of architecture diagrams that name no component the review models: network
// plumbing, accounts and organisation, delivery pipelines, monitoring and access
// control. A shape labelled with them is left out (and the report says so) rather
// than guessed to be a service. Not kinds, so not the catalogue's: import vocabulary.
export const NOT_COMPONENTS: readonly string[] = [
  'vpc', 'vnet', 'subnet', 'cidr', 'route table', 'route', 'blackhole', 'local', 'attachment', 'eip', 'elastic ip',
  'igw', 'internet gateway', 'nat', 'nat gateway', 'tgw', 'transit gateway', 'vgw', 'vpn', 'bgp', 'peering', 'firewall',
  'fw', 'port', 'security group', 'nacl', 'acl', 'deny', 'allow', 'ou', 'account', 'organization', 'organisation',
  'tenant', 'resource group', 'subscription', 'branch', 'commit', 'pull request', 'pr', 'repo', 'repository', 'devops',
  'build', 'test', 'approval', 'gate', 'stage', 'option', 'step', 'legend', 'note', 'alarm', 'metric', 'health check',
  'dashboard', 'monitoring', 'log archive', 'logs', 'iam', 'sso', 'policy', 'role', 'kms', 'secret', 'key vault', 'certificate',
  'workspace', 'environment', 'tooling', 'capacity', 'entra id', 'active directory', 'identity', 'security',
  'on premises', 'on prem', 'office',
];

const normalise = (text: string) => ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;

// Catalogue words first, so they win a tie of length against the words above.
const PHRASES: readonly Phrase[] = [
  ...CATALOGUE.flatMap((info) => [info.name, info.kind, ...info.synonyms].map((word): Phrase => ({ words: normalise(word).trim(), kind: info.kind }))),
  ...NOT_COMPONENTS.map((word): Phrase => ({ words: normalise(word).trim(), kind: null })),
]
  .filter((phrase) => phrase.words !== '')
  .map((phrase) => ({ ...phrase, forms: ['', 's', 'es'].map((ending) => ` ${phrase.words}${ending} `) }))
  .sort((a, b) => b.words.length - a.words.length);

export interface LabelMatch {
  /** Null: the label names something that is not a component. */
  kind: NodeKind | null;
  /** The word or phrase that decided. */
  word: string;
}

/** The kind a label names, among `allowed` kinds (or, when `notComponents`, that it
 *  names none of them on purpose); null when it names nothing known. */
export function kindByLabel(label: string, allowed: (kind: NodeKind) => boolean, notComponents = false): LabelMatch | null {
  const text = normalise(label);
  if (text.trim() === '') return null;
  for (const phrase of PHRASES) {
    if (phrase.kind === null ? !notComponents : !allowed(phrase.kind)) continue;
    if (phrase.forms!.some((form) => text.includes(form))) return { kind: phrase.kind, word: phrase.words };
  }
  return null;
}

export const isDataStore = (kind: NodeKind) => hasTrait(kind, 'dataStore');

// Region codes read as groups: `us-east-1` a region, `us-east-1a` a zone.
const REGION_CODE = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const ZONE_CODE = /^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/;

/** The group kind a container's name says (a zone or AZ, a region, a cloud region
 *  code), with the word that decided; null for any other name. */
export function groupByLabel(label: string): { kind: GroupKind; word: string } | null {
  const text = label.replace(/\s+/g, ' ').trim().toLowerCase();
  if (ZONE_CODE.test(text)) return { kind: 'zone', word: text };
  if (REGION_CODE.test(text)) return { kind: 'region', word: text };
  const match = kindByLabel(label, isGroupKind);
  return match?.kind && isGroupKind(match.kind) ? { kind: match.kind, word: match.word } : null;
}

const ASYNC_WORDS = /\b(async|asynchronous(ly)?|events?|publish(es)?|subscribes?|pub\/?sub|notif(y|ies|ication)s?|enqueues?|messages?)\b/i;
const REPLICATION_WORDS = /\b(replicat(e|es|ion|ing)|sync(s|hroni[sz]ation)?|backups?|copy|copies)\b/i;

/** The edge kind an edge's label says (copying data, events or messages), with why. */
export function edgeKindByLabel(label: string): { kind: Exclude<EdgeKind, 'request'>; detail: string } | null {
  if (REPLICATION_WORDS.test(label)) return { kind: 'replication', detail: 'its label speaks of copying data' };
  if (ASYNC_WORDS.test(label)) return { kind: 'async', detail: 'its label speaks of events or messages' };
  return null;
}
