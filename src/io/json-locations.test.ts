import { describe, expect, it } from 'vitest';
import { idLines } from './json-locations.ts';

describe('idLines', () => {
  it('finds the line of every node and edge id, and nothing deeper or elsewhere', () => {
    const text = [
      '{ "format": "faultline", "id": "not-a-node",', // 1
      '  "nodes": [', // 2
      '    { "kind": "client", "label": "say \\"id\\": \\"x\\"",', // 3
      '      "id": "web", "props": { "id": "inner" } },', // 4
      '    {', // 5
      '      "id": "db\\u00e9",', // 6
      '      "meta": [{ "id": "deep" }] }', // 7
      '  ],', // 8
      '  "edges": [{ "source": "web", "target": "dbé", "id": "e1" }],', // 9
      '  "extra": [{ "id": "other" }]', // 10
      '}',
    ].join('\r\n');
    JSON.parse(text);
    const { nodes, edges } = idLines(text);
    expect([...nodes]).toEqual([
      ['web', 4],
      ['dbé', 6],
    ]);
    expect([...edges]).toEqual([['e1', 9]]);
  });

  it('gives line 1 for everything in a text on one line, and the first of a repeated id', () => {
    const { nodes } = idLines(JSON.stringify({ nodes: [{ id: 'a' }, { id: 'b' }], edges: [] }));
    expect([...nodes]).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect([...idLines('{"nodes": [{"id": "a"},\n{"id": "a"}]}').nodes]).toEqual([['a', 1]]);
  });

  it('stops at an unterminated string without throwing', () => {
    expect([...idLines('{"nodes": [{"id": "a"}, {"id": "b').nodes]).toEqual([['a', 1]]);
  });
});
