import { describe, expect, it } from 'vitest';
import { finding, type Severity } from '../analysis/types.ts';
import { groupByComponent, WHOLE_DESIGN } from './findingGroups.ts';

const rule = (id: string, severity: Severity, subjects: 'all' | 'first' = 'all') => ({ id, severity, subjects });
const LABELS: Record<string, string> = { db: 'Orders DB', api: 'API', lb: 'Load balancer', web: 'Web' };
const labelOf = (id: string) => LABELS[id];
const shape = (groups: ReturnType<typeof groupByComponent>) =>
  groups.map((group) => ({ label: group.label, worst: group.worst, rules: group.findings.map((item) => item.rule) }));

describe('groupByComponent', () => {
  it('lists a finding under each of its subjects, and not under its context nodes', () => {
    const mismatch = finding(rule('cap-mismatch', 'error'), ['db', 'api'], 'API needs strong reads from Orders DB');
    const spof = finding(rule('spof', 'error', 'first'), ['lb', 'web', 'api'], 'Load balancer takes down Web and API');
    const groups = groupByComponent([mismatch, spof], labelOf);
    expect(shape(groups)).toEqual([
      { label: 'API', worst: 'error', rules: ['cap-mismatch'] },
      { label: 'Load balancer', worst: 'error', rules: ['spof'] },
      { label: 'Orders DB', worst: 'error', rules: ['cap-mismatch'] },
    ]);
    expect(groups.find((group) => group.id === 'web')).toBeUndefined();
  });

  it('puts the worst findings first within a component, keeping the order of equals', () => {
    const groups = groupByComponent(
      [
        finding(rule('cap-choice', 'info'), ['db'], 'Orders DB is CP'),
        finding(rule('no-backup', 'warning'), ['db'], 'Orders DB has no backup'),
        finding(rule('spof', 'error'), ['db'], 'Orders DB is a single point of failure'),
        finding(rule('a-warning', 'warning'), ['db'], 'another'),
      ],
      labelOf,
    );
    expect(shape(groups)).toEqual([{ label: 'Orders DB', worst: 'error', rules: ['spof', 'no-backup', 'a-warning', 'cap-choice'] }]);
  });

  it('orders components by their worst finding, then by how many they have, then by label', () => {
    const groups = groupByComponent(
      [
        finding(rule('w1', 'warning'), ['web'], 'w1'),
        finding(rule('w2', 'warning'), ['web'], 'w2'),
        finding(rule('i1', 'info'), ['api'], 'i1'),
        finding(rule('w3', 'warning'), ['lb'], 'w3'),
        finding(rule('e1', 'error'), ['db'], 'e1'),
        finding(rule('w4', 'warning'), ['api'], 'w4'),
      ],
      labelOf,
    );
    expect(groups.map((group) => [group.label, group.findings.length])).toEqual([
      ['Orders DB', 1],
      ['API', 2],
      ['Web', 2],
      ['Load balancer', 1],
    ]);
  });

  it('keeps findings about no component last, and names a component missing from the document by its id', () => {
    const groups = groupByComponent(
      [finding(rule('no-entry', 'error'), [], 'The design has no client'), finding(rule('x', 'info'), ['gone', 'gone'], 'x')],
      labelOf,
    );
    expect(shape(groups)).toEqual([
      { label: 'gone', worst: 'info', rules: ['x'] },
      { label: WHOLE_DESIGN, worst: 'error', rules: ['no-entry'] },
    ]);
  });

  it('returns nothing for no findings', () => {
    expect(groupByComponent([], labelOf)).toEqual([]);
  });
});
