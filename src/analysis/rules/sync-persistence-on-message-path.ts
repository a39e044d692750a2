import { downstream } from '../paths.ts';
import { BROKER_KINDS, DATABASE_KINDS, isRequestEdge } from '../topology.ts';
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
  fix:
    'Publish messages to a queue or stream, deliver them straight away, and let a separate consumer persist them ' +
    'to the message store.',
  check: ({ graph }) => {
    return graph.ofKind('websocket-server').flatMap((server): Finding[] => {
      const everything = downstream(graph, [server.id]);
      if (graph.components.some((node) => BROKER_KINDS.has(node.kind) && everything.has(node.id))) return [];
      const sync = downstream(graph, [server.id], isRequestEdge);
      const stores = graph.components.filter((node) => DATABASE_KINDS.has(node.kind) && sync.has(node.id));
      if (stores.length === 0) return [];
      const names = listOf(stores.map((node) => graph.label(node.id)));
      const message =
        `${graph.label(server.id)} reaches ${names} only through synchronous calls and has no queue or stream ` +
        'to hand messages to, so each message waits on the database before it is delivered.';
      return [finding(syncPersistenceOnMessagePath, [server.id, ...stores.map((node) => node.id)], message)];
    });
  },
});
