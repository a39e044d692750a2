import { parseArgs } from 'node:util';
import { DEFAULTS, startCollabServer } from './collab-server.ts';

// `npm run collab [-- --port 4650 --data .collab --host 127.0.0.1]`; the same settings
// come from COLLAB_PORT, COLLAB_DATA and COLLAB_HOST. Flags win over the environment.

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    host: { type: 'string' },
  },
});

const port = Number(values.port ?? process.env.COLLAB_PORT ?? DEFAULTS.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`faultline collab: --port must be a port number, not ${values.port ?? process.env.COLLAB_PORT}`);
  process.exit(2);
}
const dataDir = values.data ?? process.env.COLLAB_DATA ?? '.collab';
const host = values.host ?? process.env.COLLAB_HOST ?? '127.0.0.1';

const server = await startCollabServer({ port, host, dataDir, log: (line) => console.log(line) });
console.log(`Faultline collaboration server on ${server.url}, rooms kept in ${dataDir}`);

const stop = () => {
  // Destroying the server writes every open room to disk first.
  void server.stop().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
