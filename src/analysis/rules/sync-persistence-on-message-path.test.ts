import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node, path } from '../testing.ts';
import { syncPersistenceOnMessagePath } from './sync-persistence-on-message-path.ts';

const ws = node('ws', 'websocket-server', { replicas: 2 });

describeRule(syncPersistenceOnMessagePath, {
  fires: [
    {
      name: 'the chat service writes each message straight to the database',
      doc: diagram(ws, node('chat', 'service'), node('messages', 'nosql-database'), path(['ws', 'chat', 'messages'])),
      nodes: [['ws', 'messages']],
      mentions: ['ws reaches messages only through synchronous calls'],
    },
  ],
  quiet: [
    {
      name: 'messages go through a stream to a persister',
      doc: diagram(ws, node('chat', 'service'), node('kafka', 'stream'), node('persist', 'worker'), node('messages', 'nosql-database'), path(['ws', 'chat']), path(['chat', 'kafka', 'persist', 'messages'], { kind: 'async' }), edge('chat', 'messages', {}, 'history')),
    },
    { name: 'no database at all', doc: diagram(ws, node('chat', 'service'), node('redis', 'cache'), path(['ws', 'chat', 'redis'])) },
    { name: 'an ordinary service writing a database', doc: diagram(node('api', 'service'), node('db', 'sql-database'), edge('api', 'db')) },
  ],
});
