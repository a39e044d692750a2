import { describe, expect, it } from 'vitest';
import { buildGraph } from '../analysis/graph.ts';
import { availability } from '../analysis/numbers/availability.ts';
import { diagram, edge, node, path } from '../analysis/testing.ts';
import { summarise } from './analysisView.ts';

describe('summarise', () => {
  it('grades each unit by its largest share of a client’s downtime', () => {
    // web needs the lone database (down 1%) and a pair of services (down 0.01%);
    // app needs only its own lone worker (down 5%).
    const doc = diagram(
      node('web', 'client'),
      node('app', 'client'),
      node('api', 'service', { replicas: 2, availability: 0.99 }),
      node('db', 'sql-database', { availability: 0.99 }),
      node('job', 'worker', { availability: 0.95 }),
      path(['web', 'api', 'db']),
      edge('app', 'job'),
    );
    const view = summarise([], { availability: availability(buildGraph(doc)) });
    expect(Object.fromEntries(view.downtimeShareByNode)).toEqual({ db: 'most', api: 'some', job: 'most' });
  });

  it('grades nothing before the first figures', () => {
    expect(summarise([]).downtimeShareByNode.size).toBe(0);
  });
});
