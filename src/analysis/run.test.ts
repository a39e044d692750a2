import { describe, expect, it } from 'vitest';
import { analyse } from './run.ts';
import { diagram, edge, node, path } from './testing.ts';
import { defineRule, finding } from './types.ts';

describe('analyse', () => {
  const doc = diagram(
    node('web', 'client'),
    node('lb', 'load-balancer'),
    node('zapi', 'service', { replicas: 3 }),
    node('aapi', 'service', { replicas: 3 }),
    node('db', 'sql-database'),
    path(['web', 'lb', 'zapi', 'db']),
    path(['lb', 'aapi', 'db']),
  );

  it('sorts by rule id, then by the first node id', () => {
    const findings = analyse(doc);
    const keys = findings.map((f) => `${f.rule} ${f.nodes[0] ?? ''}`);
    expect(keys).toEqual([...keys].sort());
    expect(findings.filter((f) => f.rule === 'spof').map((f) => f.nodes[0])).toEqual(['db', 'lb']);
  });

  it('gives the same output for the same document', () => {
    expect(analyse(structuredClone(doc))).toEqual(analyse(doc));
  });

  it('has nothing to say about an empty diagram', () => {
    expect(analyse(diagram())).toEqual([]);
  });

  it('runs the rules it is given', () => {
    const everyNode = defineRule({
      id: 'every-node',
      severity: 'info',
      title: 'Every node',
      why: 'A rule for the test.',
      when: 'Always.',
      fix: 'None.',
      check: ({ graph }) => graph.components.map((n) => finding(everyNode, [n.id], n.label)),
    });
    expect(analyse(doc, [everyNode]).map((f) => f.nodes[0])).toEqual(['aapi', 'db', 'lb', 'web', 'zapi']);
  });

  it('reads ids such as __proto__ as plain ids', () => {
    const odd = diagram(node('__proto__', 'client'), node('constructor', 'service'), edge('__proto__', 'constructor'));
    expect(analyse(odd).find((f) => f.rule === 'spof')?.nodes).toEqual(['constructor']);
  });
});
