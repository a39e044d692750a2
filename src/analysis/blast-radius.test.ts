import { describe, expect, it } from 'vitest';
import { blastRadius } from './blast-radius.ts';
import { diagram, edge, node, path } from './testing.ts';

const web = node('web', 'client');
const mobile = node('mobile', 'client');

describe('blastRadius', () => {
  const doc = diagram(
    web,
    mobile,
    node('zone-a', 'zone'),
    node('cdn', 'cdn'),
    node('lb', 'load-balancer', { replicas: 2 }, { parentId: 'zone-a' }),
    node('api', 'service', { replicas: 3 }, { parentId: 'zone-a' }),
    node('db', 'sql-database'),
    node('search', 'search', { replicas: 2 }),
    path(['web', 'cdn', 'lb', 'api', 'db']),
    edge('mobile', 'lb'),
    edge('api', 'search'),
  );

  it('lists what stops because of a lost component, nearest first, and for whom', () => {
    expect(blastRadius(doc, ['db'])).toEqual({ down: ['db'], stopped: ['api', 'lb', 'cdn'], entriesAffected: ['web', 'mobile'] });
  });

  it('counts what only some entries need', () => {
    expect(blastRadius(doc, ['cdn'])).toEqual({ down: ['cdn'], stopped: [], entriesAffected: ['web'] });
  });

  it('takes a whole group down, whatever the replicas, and leaves what does not need it', () => {
    expect(blastRadius(doc, ['zone-a'])).toEqual({ down: ['lb', 'api'], stopped: ['cdn'], entriesAffected: ['web', 'mobile'] });
  });

  it('fails several units at once: a zone and a database', () => {
    const twoZones = diagram(
      web,
      node('za', 'zone'),
      node('zb', 'zone'),
      node('api-a', 'service', { replicas: 2 }, { parentId: 'za', label: 'API 1' }),
      node('api-b', 'service', { replicas: 2 }, { parentId: 'zb', label: 'API 2' }),
      node('db', 'sql-database', { replicas: 2 }),
      node('cache', 'cache', { replicas: 2 }),
      edge('web', 'api-a'),
      edge('web', 'api-b'),
      edge('api-a', 'db'),
      edge('api-b', 'db'),
      edge('api-b', 'cache'),
    );
    expect(blastRadius(twoZones, ['za']).entriesAffected).toEqual([]);
    expect(blastRadius(twoZones, ['za', 'cache'])).toEqual({ down: ['api-a', 'cache'], stopped: ['api-b'], entriesAffected: ['web'] });
  });

  it('reports nothing for an alternative or an unknown id', () => {
    const redundant = diagram(web, node('lb-a', 'load-balancer'), node('lb-b', 'load-balancer'), node('api', 'service', { replicas: 2 }), path(['web', 'lb-a', 'api']), path(['web', 'lb-b', 'api']));
    expect(blastRadius(redundant, ['lb-a'])).toEqual({ down: ['lb-a'], stopped: [], entriesAffected: [] });
    expect(blastRadius(redundant, ['nope'])).toEqual({ down: [], stopped: [], entriesAffected: [] });
  });

  it('keeps an entry inside a lost group: entries never fail', () => {
    const kiosk = diagram(node('z', 'zone'), node('kiosk', 'client', {}, { parentId: 'z' }), node('api', 'service', { replicas: 2 }), edge('kiosk', 'api'));
    expect(blastRadius(kiosk, ['z'])).toEqual({ down: [], stopped: [], entriesAffected: [] });
  });

  it('ignores replication edges', () => {
    const replicated = diagram(web, node('db', 'sql-database'), node('copy', 'sql-database'), edge('web', 'db'), edge('db', 'copy', { kind: 'replication' }));
    expect(blastRadius(replicated, ['copy'])).toEqual({ down: ['copy'], stopped: [], entriesAffected: [] });
  });
});
