import { parseArgs } from 'node:util';
import { DEFAULTS, startCollabServer } from './collab-server.ts';

// `npm run collab [-- --port 4650 --data .collab --host 127.0.0.1 --redis redis://127.0.0.1:6379 --name a]`;
// the same settings come from COLLAB_PORT, COLLAB_DATA, COLLAB_HOST, COLLAB_REDIS and
// COLLAB_NAME. Flags win over the environment. --redis joins this server to the others
// on that Redis, to serve the same rooms; --name names its files in the data folder
// (default: port-<port>), so servers sharing a folder need different names.
// --snapshot-delay (COLLAB_SNAPSHOT_DELAY) is how many ms after a change a room's
// snapshot is written (default 300; at most 2000 while changes keep coming, or the
// delay if longer); every update is in the room's log before that anyway.

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    host: { type: 'string' },
    redis: { type: 'string' },
    name: { type: 'string' },
    'snapshot-delay': { type: 'string' },
  },
});

const port = Number(values.port ?? process.env.COLLAB_PORT ?? DEFAULTS.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`faultline collab: --port must be a port number, not ${values.port ?? process.env.COLLAB_PORT}`);
  process.exit(2);
}
const dataDir = values.data ?? process.env.COLLAB_DATA ?? '.collab';
const host = values.host ?? process.env.COLLAB_HOST ?? '127.0.0.1';
const redisUrl = values.redis ?? process.env.COLLAB_REDIS ?? undefined;
if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
  console.error(`faultline collab: --redis must be a redis:// URL, not ${redisUrl}`);
  process.exit(2);
}
const serverName = values.name ?? process.env.COLLAB_NAME ?? undefined;
const snapshotDelay = Number(values['snapshot-delay'] ?? process.env.COLLAB_SNAPSHOT_DELAY ?? DEFAULTS.storeDelayMs);
if (!Number.isInteger(snapshotDelay) || snapshotDelay < 0) {
  console.error(`faultline collab: --snapshot-delay must be a number of milliseconds, not ${values['snapshot-delay'] ?? process.env.COLLAB_SNAPSHOT_DELAY}`);
  process.exit(2);
}
const storeDelays = { storeDelayMs: snapshotDelay, maxStoreDelayMs: Math.max(DEFAULTS.maxStoreDelayMs, snapshotDelay) };

const server = await startCollabServer({ port, host, dataDir, redisUrl, serverName, ...storeDelays, log: (line) => console.log(line) });
console.log(`Faultline collaboration server on ${server.url}, rooms kept in ${dataDir}${redisUrl ? `, joined through ${redisUrl}` : ''}`);

const stop = () => {
  // Destroying the server writes every open room to disk first.
  void server.stop().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
