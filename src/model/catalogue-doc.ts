import { CAP_FAMILIES, CATALOGUE, EDGE_PROPERTIES, TRAITS, type KindInfo, type Trait } from './catalogue.ts';
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
    case 'enum':
      return spec.options.map((option) => `\`${option}\``).join(' \\| ');
    case 'text':
      return spec.suggestions ? `text (e.g. ${spec.suggestions.join(', ')})` : 'text';
  }
}

function propertyTable(specs: readonly PropertySpec[]): string[] {
  return [
    '| Prop | Values | Default | Meaning |',
    '| --- | --- | --- | --- |',
    ...specs.map(
      (spec) => `| \`${spec.key}\` | ${values(spec)} | ${spec.default === undefined ? '—' : `\`${JSON.stringify(spec.default)}\``} | ${spec.help} |`,
    ),
  ];
}

function traitList(traits: readonly Trait[]): string {
  return traits.map((trait) => `\`${trait}\``).join(', ');
}

function kindSection(info: KindInfo): string[] {
  const heading = `#### \`${info.kind}\` — ${info.name}`;
  if (isGroupKind(info.kind)) {
    return [heading, '', `${info.description} A group: no properties of its own, needs a \`size\`.`, ''];
  }
  const own = info.properties.filter((spec) => spec.key !== 'replicas');
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
    'The component kinds, their traits and their own properties (besides `replicas`):',
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
