import { describe, expect, it } from 'vitest';
import { diagram, node, path } from '../analysis/testing.ts';
import type { Diagram } from '../model/types.ts';
import { answer, reviewOf } from './analysisProtocol.ts';

describe('answer', () => {
  it('returns the review of the document under the request id, with the time it took', () => {
    const doc = diagram(node('web', 'client'), node('db', 'sql-database'), ...path(['web', 'db']));
    const ticks = [10, 35];
    const response = answer({ id: 7, doc, failed: [] }, () => ticks.shift()!, reviewOf);
    expect(response).toMatchObject({ id: 7, workerMs: 25 });
    if ('error' in response) throw new Error(response.error);
    expect(response.view.findings.filter((f) => f.rule === 'spof').map((f) => f.nodes[0])).toEqual(['db']);
    expect(response.view.countByNode.get('db')).toBeGreaterThan(0);
    // A lone SQL database: one instance of the EC2 figure.
    expect(response.view.availability!.entries).toEqual([expect.objectContaining({ node: 'web', value: 0.995, exact: true })]);
  });

  it('works the figures out with the failure view’s units down', () => {
    const doc = diagram(node('web', 'client'), node('db', 'sql-database'), ...path(['web', 'db']));
    const response = answer({ id: 8, doc, failed: ['db'] }, () => 0, reviewOf);
    if ('error' in response) throw new Error(response.error);
    expect(response.view.availability).toMatchObject({ failed: ['db'], system: { value: 0 } });
  });

  it('turns a failed review into an error message for the same request', () => {
    const broken = { ...diagram(), nodes: null } as unknown as Diagram;
    const response = answer({ id: 3, doc: broken, failed: [] }, () => 0, reviewOf);
    expect(response).toEqual({ id: 3, error: expect.any(String) });
  });
});
