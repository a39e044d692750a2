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

  it('lists the failed component and everything cut off behind it, nearest first', () => {
    expect(blastRadius(doc, 'lb')).toEqual({
      lost: ['lb', 'api', 'db', 'search'],
      entriesAffected: ['web', 'mobile'],
      unreachableTerminals: ['db', 'search'],
    });
  });

  it('counts what only some entries lose', () => {
    expect(blastRadius(doc, 'cdn')).toEqual({
      lost: ['cdn', 'lb', 'api', 'db', 'search'],
      entriesAffected: ['web'],
      unreachableTerminals: ['db', 'search'],
    });
  });

  it('loses a terminal on its own', () => {
    expect(blastRadius(doc, 'db')).toEqual({ lost: ['db'], entriesAffected: ['web', 'mobile'], unreachableTerminals: ['db'] });
  });

  it('takes a whole group down, whatever the replicas', () => {
    expect(blastRadius(doc, 'zone-a').lost).toEqual(['lb', 'api', 'db', 'search']);
  });

  it('reports nothing for an alternative path or an unknown id', () => {
    const redundant = diagram(web, node('a', 'load-balancer'), node('b', 'load-balancer'), node('api', 'service', { replicas: 2 }), path(['web', 'a', 'api']), path(['web', 'b', 'api']));
    expect(blastRadius(redundant, 'a')).toEqual({ lost: ['a'], entriesAffected: [], unreachableTerminals: [] });
    expect(blastRadius(redundant, 'nope')).toEqual({ lost: [], entriesAffected: [], unreachableTerminals: [] });
  });

  it('does not count an entry lost with its own group', () => {
    const kiosk = diagram(node('z', 'zone'), node('kiosk', 'client', {}, { parentId: 'z' }), node('api', 'service', { replicas: 2 }), edge('kiosk', 'api'));
    expect(blastRadius(kiosk, 'z')).toEqual({ lost: [], entriesAffected: [], unreachableTerminals: [] });
  });

  it('ignores replication edges', () => {
    const replicated = diagram(web, node('db', 'sql-database'), node('copy', 'sql-database'), edge('web', 'db'), edge('db', 'copy', { kind: 'replication' }));
    expect(blastRadius(replicated, 'db').lost).toEqual(['db']);
  });
});
