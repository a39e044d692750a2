import { afterEach, describe, expect, it } from 'vitest';
import { newRoomKeys } from '../src/collab/capability.ts';
import { canonical, connectClient, eventually, startRedis, startTestServer, type TestClient } from './testing.ts';

// Two collaboration servers behind one Debian redis-server, in-process, each on its own
// port and sharing a folder: a client of A and a client of B edit one room and converge.

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function track(client: TestClient): TestClient {
  cleanups.push(() => client.close());
  return client;
}

describe('two servers behind Redis', () => {
  it('serve one room to clients on both, both ways, and the clients converge', async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    const a = await startTestServer({ redisUrl: redis.url });
    cleanups.push(() => a.cleanup());
    // One folder for both, as one store behind both would be.
    const b = await startTestServer({ redisUrl: redis.url, dataDir: a.dataDir });
    cleanups.push(() => b.cleanup());
    const keys = await newRoomKeys();

    const onA = track(connectClient(a.url, keys.room, keys.edit));
    await onA.synced;
    onA.doc.getMap('meta').set('title', 'Checkout');
    const onB = track(connectClient(b.url, keys.room, keys.edit));
    await onB.synced;
    await eventually(() => onB.doc.getMap('meta').get('title') === 'Checkout', 5000, 'A’s edit to reach B’s client');

    // Concurrent edits on both sides, to two different maps.
    for (let i = 0; i < 20; i++) {
      onA.doc.getMap('a').set(`k${i}`, i);
      onB.doc.getMap('b').set(`k${i}`, i);
    }
    const roots = ['meta', 'a', 'b'];
    const converged = () => canonical(onA.doc, roots) === canonical(onB.doc, roots);
    await eventually(() => converged() && onA.doc.getMap('b').size === 20 && onB.doc.getMap('a').size === 20, 5000, 'the clients to converge');
    expect(onA.doc.getMap('meta').get('title')).toBe('Checkout');
  });
});
