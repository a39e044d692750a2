import { describe, expect, it } from 'vitest';
import type { MermaidGraph } from '../graph.ts';
import { parseFlowchart } from './parser.ts';

function parsed(text: string): MermaidGraph {
  const result = parseFlowchart(text);
  if (!result.ok) throw new Error(`${result.error.at.line}:${result.error.at.column}: ${result.error.message}`);
  return result.graph;
}

const edgesOf = (graph: MermaidGraph) => graph.edges.map((edge) => `${edge.source}>${edge.target}`);

describe('the flowchart header', () => {
  it.each([
    ['flowchart LR', 'LR'],
    ['flowchart RL', 'RL'],
    ['flowchart TB', 'TB'],
    ['flowchart TD', 'TB'],
    ['graph BT', 'BT'],
    ['graph', 'TB'],
    ['flowchart-elk LR', 'LR'],
    ['graph TD;', 'TB'],
  ])('reads %j as %s', (header, direction) => {
    expect(parsed(`${header}\n  a --> b\n`).direction).toBe(direction);
  });

  it('reads a front matter title and leaves the lines after it where they are', () => {
    const result = parseFlowchart('---\ntitle: "Shop \\"one\\""\nconfig:\n  theme: dark\n---\nflowchart LR\n  a -->\n');
    expect(result.ok || result.error).toEqual({ message: 'expected a node id after the edge, found the end of the line', at: { line: 7, column: 8 } });
    expect(parsed('---\ntitle: Shop\n---\nflowchart LR\na\n').title).toBe('Shop');
  });
});

describe('node shapes', () => {
  it.each([
    ['a[Text]', 'rect'],
    ['a(Text)', 'round'],
    ['a([Text])', 'stadium'],
    ['a[[Text]]', 'subroutine'],
    ['a[(Text)]', 'cylinder'],
    ['a((Text))', 'circle'],
    ['a(((Text)))', 'double-circle'],
    ['a>Text]', 'asymmetric'],
    ['a{Text}', 'rhombus'],
    ['a{{Text}}', 'hexagon'],
    ['a[/Text/]', 'parallelogram'],
    ['a[\\Text\\]', 'parallelogram'],
    ['a[/Text\\]', 'trapezoid'],
    ['a[\\Text/]', 'trapezoid'],
    ['a["Text"]', 'rect'],
    ['a[("Text")]', 'cylinder'],
  ])('%s is a %s labelled "Text"', (statement, shape) => {
    expect(parsed(`flowchart LR\n  ${statement}\n`).nodes).toEqual([{ id: 'a', label: 'Text', shape, at: { line: 2, column: 3 } }]);
  });

  it('lets quoted text hold brackets, arrows and line breaks, and reads `@{ shape }` data', () => {
    const graph = parsed('flowchart LR\n  a["x --> [y] (z)"]\n  b@{ shape: cyl, label: "Ledger, v2" }\n  c["one\ntwo"]:::hot\n');
    expect(graph.nodes.map((node) => [node.id, node.label, node.shape, node.shapeName])).toEqual([
      ['a', 'x --> [y] (z)', 'rect', undefined],
      ['b', 'Ledger, v2', null, 'cyl'],
      ['c', 'one two', 'rect', undefined],
    ]);
  });

  it('labels a bare id with itself, and takes ids with dashes and letters of any script', () => {
    expect(parsed('graph LR\n  order-service --> Zahlungsdienst_2 --> 注文\n').nodes.map((node) => node.label)).toEqual(['order-service', 'Zahlungsdienst_2', '注文']);
  });
});

describe('edges', () => {
  it.each([
    ['a --> b', 'solid', false, true, ''],
    ['a --- b', 'solid', false, false, ''],
    ['a ----> b', 'solid', false, true, ''],
    ['a -.-> b', 'dotted', false, true, ''],
    ['a -.- b', 'dotted', false, false, ''],
    ['a -...-> b', 'dotted', false, true, ''],
    ['a ==> b', 'thick', false, true, ''],
    ['a === b', 'thick', false, false, ''],
    ['a <--> b', 'solid', true, true, ''],
    ['a --o b', 'solid', false, true, ''],
    ['a --x b', 'solid', false, true, ''],
    ['a o--o b', 'solid', true, true, ''],
    ['a ~~~ b', 'invisible', false, false, ''],
    ['a -->|calls| b', 'solid', false, true, 'calls'],
    ['a -->|"a | b"| b', 'solid', false, true, 'a | b'],
    ['a -- calls --> b', 'solid', false, true, 'calls'],
    ['a -- a-b - c --- b', 'solid', false, false, 'a-b - c'],
    ['a -. events .-> b', 'dotted', false, true, 'events'],
    ['a == copies ==> b', 'thick', false, true, 'copies'],
    ['a-->b', 'solid', false, true, ''],
  ])('%s', (statement, stroke, start, end, label) => {
    const [edge] = parsed(`flowchart LR\n  ${statement}\n`).edges;
    expect(edge).toMatchObject({ source: 'a', target: 'b', stroke, heads: { start, end }, label });
  });

  it('reads chains and & lists as every pair they join', () => {
    expect(edgesOf(parsed('flowchart LR\n  a --> b --> c\n  d & e --> f & g\n'))).toEqual(['a>b', 'b>c', 'd>f', 'd>g', 'e>f', 'e>g']);
  });

  it('reads statements split by semicolons and past comments, directives and styling', () => {
    const graph = parsed(
      [
        '%%{init: {"theme": "dark"}}%%',
        'flowchart LR',
        '  %% a comment --> with an arrow',
        '  a --> b; b --> c',
        '  classDef hot fill:#f96',
        '  class a,b hot',
        '  style c fill:#bbf',
        '  linkStyle 0 stroke:#ff3',
        '  click a "https://example.com" _blank',
        '  accTitle: The title',
        '  accDescr {',
        '    several lines --> of text',
        '  }',
        '  c --> d',
      ].join('\n'),
    );
    expect(edgesOf(graph)).toEqual(['a>b', 'b>c', 'c>d']);
    expect(graph.nodes.map((node) => node.classes)).toEqual([['hot'], ['hot'], undefined, undefined]);
    expect(parsed('graph LR\n  a[A]:::sql_database --> b:::cache\n').nodes.map((node) => node.classes)).toEqual([['sql_database'], ['cache']]);
  });
});

describe('subgraphs', () => {
  it('reads each way of naming one, and nesting', () => {
    const graph = parsed(
      ['flowchart LR', '  subgraph eu [Europe]', '    subgraph az1["AZ 1"]', '      direction TB', '      a', '    end', '  end', '  subgraph "Quoted title"', '    b', '  end', '  subgraph Two words', '    c', '  end'].join('\n'),
    );
    expect(graph.containers.map((container) => [container.id, container.label, container.parent])).toEqual([
      ['eu', 'Europe', undefined],
      ['az1', 'AZ 1', 'eu'],
      ['Quoted title', 'Quoted title', undefined],
      ['Two words', 'Two words', undefined],
    ]);
    expect(graph.nodes.map((node) => [node.id, node.parent])).toEqual([
      ['a', 'az1'],
      ['b', 'Quoted title'],
      ['c', 'Two words'],
    ]);
  });

  it('puts a node in the first subgraph that mentions it, also through an edge, and lets edges name subgraphs', () => {
    const graph = parsed(['flowchart LR', '  a --> b', '  subgraph one', '    a --> c', '  end', '  subgraph two', '    a & d', '  end', '  one --> two'].join('\n'));
    expect(graph.nodes.map((node) => [node.id, node.parent])).toEqual([
      ['a', 'one'],
      ['b', undefined],
      ['c', 'one'],
      ['d', 'two'],
    ]);
    expect(edgesOf(graph)).toContain('one>two');
  });
});

describe('syntax errors say where, and what was expected', () => {
  it.each([
    ['sequenceDiagram\n  a->>b: hi', 1, 1, 'expected "flowchart" or "graph" to start the diagram, found "sequenceDiagram"'],
    ['flowchart LR\n  a --> ', 2, 9, 'expected a node id after the edge, found the end of the text'],
    ['flowchart LR\n  a[unclosed\n', 2, 4, 'a node\'s text opened with "[" is not closed with "]"'],
    ['flowchart LR\n  a("unclosed)\n', 2, 5, 'a string is not closed with "'],
    ['flowchart LR\n  a -- no end b\n', 2, 5, 'an edge label started with "--" is not closed on its line (write "-- text -->" or "-->|text|")'],
    ['flowchart LR\n  a --> b c\n', 2, 11, 'expected the end of the line, found "c"'],
    ['flowchart LR\n  subgraph x\n    a\n', 2, 12, 'subgraph "x" is not closed with "end"'],
    ['flowchart LR\n  a\nend\n', 3, 1, '"end" without a subgraph to close'],
    ['flowchart LR\n  a -->|label b\n', 2, 8, 'an edge label is not closed with "|"'],
    ['flowchart LR\n  a & --> b\n', 2, 7, 'expected a node id after "&", found an edge'],
    ['flowchart LR\n  a --> b\n  $x\n', 3, 3, 'unexpected "$"'],
    ['flowchart LR\n  subgraph a\n  end\n  subgraph a\n  end\n', 4, 12, '"a" is defined twice'],
    ['---\ntitle: x\nflowchart LR\n', 1, 1, 'the front matter opened with "---" is not closed with "---"'],
  ])('%j', (text, line, column, message) => {
    expect(parseFlowchart(text)).toEqual({ ok: false, error: { message, at: { line, column } } });
  });

  it('refuses subgraphs nested past the limit instead of recursing without end', () => {
    const text = `flowchart LR\n${'subgraph s\n'.repeat(70)}`;
    const result = parseFlowchart(text.replace(/subgraph s\n/g, (_, at: number) => `subgraph s${at}\n`));
    expect(result.ok || result.error.message).toBe('subgraphs nest more than 64 deep');
  });
});
