import { downstream, upstream } from '../paths.ts';
import { hasTrait, type Trait } from '../../model/catalogue.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { listOf } from '../words.ts';

// A WebSocket server that reaches a database only through synchronous calls, with no
// queue or stream anywhere downstream, has nowhere to hand messages off: they must be
// stored before they are delivered. One that can publish is assumed to persist
// asynchronously and to use the synchronous path for reads such as history.

export const syncPersistenceOnMessagePath: Rule = defineRule({
  id: 'sync-persistence-on-message-path',
  severity: 'warning',
  title: 'Messages stored synchronously on the real-time path',
  why:
    'In a chat or other real-time design, writing each message to the database before delivering it puts the ' +
    'database’s latency, and its bad moments, into every send; under load the database sets the pace of the whole system.',
  when:
    'A WebSocket server that reaches a SQL or NoSQL database through request edges only and cannot reach any ' +
    'queue or stream. A server that can publish is taken to persist asynchronously.',
  fix:
    'Publish messages to a queue or stream, deliver them straight away, and let a separate consumer persist them ' +
    'to the message store.',
  check: ({ graph }) => {
    const ids = (trait: Trait) => graph.withTrait(trait).map((node) => node.id);
    const canPublish = upstream(graph, ids('broker'));
    const canStoreSync = upstream(graph, ids('database'), { requestOnly: true });
    return graph.ofKind('websocket-server').flatMap((server): Finding[] => {
      if (canPublish.has(server.id) || !canStoreSync.has(server.id)) return [];
      const sync = downstream(graph, [server.id], { requestOnly: true });
      const stores = [...sync].filter((id) => hasTrait(graph.nodes.get(id)!.kind, 'database'));
      const names = listOf(stores.map(graph.label));
      const message =
        `${graph.label(server.id)} reaches ${names} only through synchronous calls and has no queue or stream ` +
        'to hand messages to, so each message waits on the database before it is delivered.';
      return [finding(syncPersistenceOnMessagePath, [server.id, ...stores], message)];
    });
  },
});
