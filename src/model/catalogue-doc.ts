import { CAP_FAMILIES, CATALOGUE, EDGE_PROPERTIES, kindInfo, kindsWith, SHARED_COMPONENT_KEYS, TRAITS, type KindInfo, type Trait } from './catalogue.ts';
import type { PropertySpec } from './properties.ts';
import { isGroupKind } from './types.ts';

// The kind and edge-property tables of docs/format.md are generated from the
// catalogue, so the public format cannot drift from the code:
//   npm run docs
// and catalogue-doc.test.ts fails when the file is out of date.

/** What a generated block in a Markdown file is fenced with. */
export function fences(name: string): { start: string; end: string } {
  return {
    start: `<!-- generated:${name} from src/model/catalogue.ts by \`npm run docs\`; do not edit by hand -->`,
    end: `<!-- end generated:${name} -->`,
  };
}

/** `markdown` with the block called `name` replaced by `content`; throws when the block is missing. */
export function replaceGenerated(markdown: string, name: string, content: string): string {
  const { start, end } = fences(name);
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from < 0 || to < from) throw new Error(`No generated block "${name}" in the document`);
  return `${markdown.slice(0, from + start.length)}\n${content}\n${markdown.slice(to)}`;
}

/** The text between a block's fences, or undefined when the block is missing. */
export function generatedBlock(markdown: string, name: string): string | undefined {
  const { start, end } = fences(name);
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  return from < 0 || to < from ? undefined : markdown.slice(from + start.length + 1, to - 1);
}

function values(spec: PropertySpec): string {
  switch (spec.type) {
    case 'boolean':
      return 'boolean';
    case 'integer':
      return spec.max === undefined ? `integer ${spec.min}+` : `integer ${spec.min}–${spec.max}`;
    case 'number': {
      const low = `${spec.minExclusive ? '>' : '≥'} ${spec.min}`;
      const high = spec.max === undefined ? '' : `, ${spec.maxExclusive ? '<' : '≤'} ${spec.max}`;
      return `number ${low}${high}`;
    }
    case 'enum':
      return spec.options.map((option) => `\`${option}\``).join(' \\| ');
    case 'text':
      return spec.suggestions ? `text (e.g. ${spec.suggestions.join(', ')})` : 'text';
  }
}

function defaultText(spec: PropertySpec): string {
  if (spec.default !== undefined) return `\`${JSON.stringify(spec.default)}\``;
  return spec.fallback ?? '—';
}

function propertyTable(specs: readonly PropertySpec[], defaults: (spec: PropertySpec) => string = defaultText): string[] {
  return [
    '| Prop | Values | Default | Meaning |',
    '| --- | --- | --- | --- |',
    ...specs.map((spec) => `| \`${spec.key}\` | ${values(spec)} | ${defaults(spec)} | ${spec.help} |`),
  ];
}

/** The properties every component other than a client shares, with the defaults that
 *  differ by kind spelled out. */
function sharedTable(): string[] {
  const service = kindInfo('service').properties.filter((spec) => SHARED_COMPONENT_KEYS.includes(spec.key));
  const names = (trait: Trait) => kindsWith(trait).map((kind) => `\`${kind}\``).join(', ');
  return propertyTable(service, (spec) => {
    if (spec.key === 'managed') return `\`true\` for ${names('managedByDefault')}; \`false\` for the others`;
    if (spec.key === 'minHealthy') return `\`1\`; for ${names('quorum')}, a majority of its replicas`;
    return defaultText(spec);
  });
}

function traitList(traits: readonly Trait[]): string {
  return traits.map((trait) => `\`${trait}\``).join(', ');
}

function kindSection(info: KindInfo): string[] {
  const heading = `#### \`${info.kind}\` — ${info.name}`;
  if (isGroupKind(info.kind)) {
    return [heading, '', `${info.description} A group: it needs a \`size\`.`, '', ...propertyTable(info.properties), ''];
  }
  const own = info.properties.filter((spec) => spec.key !== 'replicas' && !SHARED_COMPONENT_KEYS.includes(spec.key));
  const lines = [heading, '', info.description, ''];
  if (info.traits.length > 0) lines.push(`Traits: ${traitList(info.traits)}.`, '');
  if (info.cap) lines.push(`During a network partition: ${CAP_FAMILIES[info.cap]} (see the \`cap-choice\` rule).`, '');
  lines.push(...(own.length > 0 ? propertyTable(own) : ['Only `replicas`.']), '');
  return lines;
}

/** The "Kinds" section's body: the traits, then each kind with its own properties. */
export function renderKindsMarkdown(): string {
  const lines = [
    'The review reads what it may assume about a component from its kind\'s **traits**:',
    '',
    '| Trait | Meaning |',
    '| --- | --- |',
    ...(Object.entries(TRAITS) as [Trait, string][]).map(([trait, meaning]) => `| \`${trait}\` | ${meaning} |`),
    '',
    'Every component has `replicas` (above), and every component but a client has these (a client has `needs`',
    'and its own properties below):',
    '',
    ...sharedTable(),
    '',
    'The component kinds, their traits and their own properties:',
    '',
    ...CATALOGUE.flatMap(kindSection),
  ];
  return lines.join('\n').trimEnd();
}

export function renderEdgePropertiesMarkdown(): string {
  return propertyTable(EDGE_PROPERTIES).join('\n');
}

/** Every generated block of docs/format.md, by name. */
export const FORMAT_BLOCKS: Readonly<Record<string, () => string>> = {
  kinds: renderKindsMarkdown,
  'edge-properties': renderEdgePropertiesMarkdown,
};

const percent = (value: number) => `${Number((value * 100).toPrecision(6))}%`;

/** docs/numbers.md: each kind's default availability and where it comes from. */
export function renderAvailabilityFiguresMarkdown(): string {
  const rows = CATALOGUE.filter((info) => info.figures.availability).map((info) => {
    const { availability, serviceAvailability } = info.figures;
    const sources = [...new Set([availability!.source, serviceAvailability?.source].filter((source) => source !== undefined))];
    const service = serviceAvailability ? percent(serviceAvailability.value) : '—';
    return `| \`${info.kind}\` | ${percent(availability!.value)} | ${service} | ${sources.join('; ')} |`;
  });
  return [
    '| Kind | One instance (or the group) | Managed service | Source |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** docs/numbers.md: each kind's default capacity, service time, price and hit rate, with sources. */
export function renderLoadFiguresMarkdown(): string {
  const rows = CATALOGUE.filter((info) => info.figures.capacityRps).map((info) => {
    const { capacityRps, latencyMs, costPerMonth, hitRate } = info.figures;
    const sources = [...new Set([capacityRps!.source, costPerMonth?.source, hitRate?.source].filter((source) => source !== undefined))];
    const hits = hitRate ? percent(hitRate.value) : '—';
    return `| \`${info.kind}\` | ${capacityRps!.value.toLocaleString('en-US')} | ${latencyMs?.value ?? '—'} | $${costPerMonth?.value ?? 0} | ${hits} | ${sources.join('; ')} |`;
  });
  return [
    '| Kind | Capacity (requests/s) | Service time (ms) | Price a month | Hit rate | Source |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export const NUMBERS_BLOCKS: Readonly<Record<string, () => string>> = {
  'availability-figures': renderAvailabilityFiguresMarkdown,
  'load-figures': renderLoadFiguresMarkdown,
};
