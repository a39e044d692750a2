import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { websocketNoBackplane } from './websocket-no-backplane.ts';

const async = { kind: 'async' } as const;

describeRule(websocketNoBackplane, {
  fires: [
    {
      name: 'one WebSocket server with three instances and nothing between them',
      doc: diagram(node('ws', 'websocket-server', { replicas: 3 }), node('chat', 'service'), node('db', 'nosql-database'), edge('ws', 'chat'), edge('chat', 'db')),
      nodes: [['ws']],
      mentions: ['ws runs 3 instances but reaches no pub/sub backplane'],
    },
    {
      name: 'two WebSocket servers, one of them connected',
      doc: diagram(
        node('ws-1', 'websocket-server'),
        node('ws-2', 'websocket-server'),
        node('bus', 'stream'),
        edge('ws-1', 'bus', async),
        edge('bus', 'ws-1', async),
      ),
      nodes: [['ws-2']],
      mentions: ['ws-2 is one of 2 WebSocket servers'],
    },
    {
      name: 'a stream that only leads to persistence is not a backplane',
      doc: diagram(node('ws', 'websocket-server', { replicas: 2 }), node('kafka', 'stream'), node('persist', 'worker'), edge('ws', 'kafka', async), edge('kafka', 'persist', async)),
      nodes: [['ws']],
    },
  ],
  quiet: [
    { name: 'a single instance', doc: diagram(node('ws', 'websocket-server'), node('chat', 'service'), edge('ws', 'chat')) },
    {
      name: 'a stream the servers publish to and consume from',
      doc: diagram(node('ws', 'websocket-server', { replicas: 4 }), node('kafka', 'stream'), edge('ws', 'kafka', async), edge('kafka', 'ws', async)),
    },
    {
      name: 'Redis pub/sub behind a chat service',
      doc: diagram(node('ws', 'websocket-server', { replicas: 4 }), node('chat', 'service'), node('redis', 'cache'), edge('ws', 'chat'), edge('chat', 'redis')),
    },
    {
      name: 'a queue that fans out to both servers',
      doc: diagram(
        node('ws-1', 'websocket-server'),
        node('ws-2', 'websocket-server'),
        node('q', 'queue'),
        edge('ws-1', 'q', async),
        edge('ws-2', 'q', async),
        edge('q', 'ws-1', async),
        edge('q', 'ws-2', async),
      ),
    },
  ],
});
