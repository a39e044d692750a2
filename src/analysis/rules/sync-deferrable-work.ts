import { hasTrait } from '../../model/catalogue.ts';
import { downstream } from '../paths.ts';
import { isRequestEdge } from '../topology.ts';
import { subject } from '../words.ts';
import { defineRule, finding, type Rule } from '../types.ts';

// Deferrable work is recognised by name, and a name alone is not enough: a provider
// that exists to do such work (SendGrid, Twilio) is one, but a component of our own
// named for such work is counted only when its caller also needs something else, so
// the call is a side errand and not the request's whole purpose ("Metrics API" behind
// a dashboard service, say).
const WORK = /\b(notifications?|notify|notifier|e-?mails?|mailers?|mailing|newsletters?|sms|analytics|tracking|tracker|telemetry|metrics|reports?|reporting|thumbnails?)\b/i;
const PROVIDER = /\b(sendgrid|mailgun|mailchimp|twilio|mixpanel|amplitude|segment)\b/i;

export const syncDeferrableWork: Rule = defineRule({
  id: 'sync-deferrable-work',
  severity: 'warning',
  title: 'Deferrable work called synchronously on the request path',
  why:
    'Sending an email, pushing a notification or recording analytics does not have to finish before the user gets ' +
    'an answer. Called synchronously, it adds its latency to every request, and when it is slow or down the ' +
    'user’s request is too.',
  when:
    'A request edge on the request path (reached from a client along request edges only) into a service, ' +
    'worker or third-party service whose label names deferrable work: notifications, email, SMS, newsletters, ' +
    'analytics, tracking, telemetry, metrics, reports, thumbnails, or providers such as SendGrid, Mailgun or ' +
    'Twilio. A component of your own named for such work counts only when its caller also calls something else, ' +
    'so the call is a side errand rather than the whole point of the request. Calls made by a client, or by a ' +
    'load balancer, DNS or gateway routing to a service, are not counted, ' +
    'and neither are the calls that deferrable work makes in turn: the first synchronous call is the root.',
  fix:
    'Publish an event or job to a queue and return; let a worker do the slow part, with retries, and keep the ' +
    'synchronous path for what the response actually needs.',
  check: ({ graph }) => {
    const onRequestPath = downstream(graph, graph.entries.map((entry) => entry.id), { requestOnly: true });
    const deferrable = graph.components.filter((node) => hasTrait(node.kind, 'performsWork') && (WORK.test(node.label) || PROVIDER.test(node.label)));
    const isDeferrable = new Set(deferrable.map((node) => node.id));
    return deferrable.flatMap((target) =>
      graph
        .incoming(target.id)
        .filter((edge) => {
          if (!isRequestEdge(edge) || !onRequestPath.has(edge.source)) return false;
          const caller = graph.nodes.get(edge.source)!;
          // A client, or a router handing requests to the system's own entry service, is
          // not doing the work; and a call made by deferrable work is part of the same root.
          if (hasTrait(caller.kind, 'entry') || hasTrait(caller.kind, 'distributor') || isDeferrable.has(caller.id)) return false;
          return PROVIDER.test(target.label) || new Set(graph.outgoing(caller.id).map((out) => out.target)).size > 1;
        })
        .map((edge) => {
          const name = graph.label(target.id);
          const message =
            `${subject(graph.label(edge.source), 'calls', 'call')} ${name} synchronously while a user waits: that work can happen after ` +
            `the response, and if ${name} is slow or down, the user's request is too.`;
          return finding(syncDeferrableWork, [edge.source, target.id], message, [edge.id]);
        }),
    );
  },
});
