import { hasTrait } from '../../model/catalogue.ts';
import { instances } from '../topology.ts';
import { upstream } from '../paths.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { count } from '../words.ts';

// A backplane is something every WebSocket server can publish to and hear from: a
// queue or stream that leads back to a WebSocket server, or a cache (Redis pub/sub, or
// a registry of which user is connected where). Each server must reach one.

export const websocketNoBackplane: Rule = defineRule({
  id: 'websocket-no-backplane',
  severity: 'warning',
  title: 'Several WebSocket servers with no pub/sub backplane',
  why:
    'Each user holds a connection to one WebSocket server. With more than one server, a message that arrives on ' +
    'one of them must reach users connected to the others; with nothing carrying it between servers, those users ' +
    'simply never get it.',
  when:
    'WebSocket servers running 2 or more instances in all, for each server that cannot reach a backplane: a ' +
    'cache (Redis pub/sub or a connection registry), or a queue or stream that leads back to a WebSocket ' +
    'server.',
  fix:
    'Connect the servers through a pub/sub backplane: a stream or queue they all publish to and consume from, or ' +
    'Redis pub/sub, plus a registry of which user is on which server so messages can be routed.',
  check: ({ graph }) => {
    const servers = graph.ofKind('websocket-server');
    if (instances(servers) < 2) return [];
    const feedsServers = upstream(graph, servers.map((server) => server.id));
    const backplanes = graph.components.filter(
      (node) => node.kind === 'cache' || (hasTrait(node.kind, 'broker') && feedsServers.has(node.id)),
    );
    const connected = upstream(graph, backplanes.map((node) => node.id));
    return servers.flatMap((server): Finding[] => {
      if (connected.has(server.id)) return [];
      const scale = servers.length > 1 ? `is one of ${count(servers.length, 'WebSocket server')}` : `runs ${count(instances([server]), 'instance')}`;
      const message =
        `${graph.label(server.id)} ${scale} but reaches no pub/sub backplane: a message handled on one server ` +
        'never reaches users connected to another.';
      return [finding(websocketNoBackplane, [server.id], message)];
    });
  },
});
