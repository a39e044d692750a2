import type { Diagram } from '../model/types.ts';
import chatNaive from './chat-naive.faultline.json';
import chatRobust from './chat-robust.faultline.json';
import checkout from './checkout.faultline.json';
import newsFeed from './news-feed.faultline.json';
import notifications from './notifications.faultline.json';
import publicApi from './public-api.faultline.json';
import urlShortenerNaive from './url-shortener-naive.faultline.json';
import urlShortenerRobust from './url-shortener-robust.faultline.json';

// Starter designs. Each is a plain v1 file, so it opens, exports and lints like any
// other; templates.test.ts checks that every one imports cleanly, that robust ones
// raise no errors, and that naive ones raise exactly the errors listed here.
// After editing a file by hand: `node --import tsx src/templates/relayout.ts`.

export type TemplateKind = 'naive' | 'robust';

/** An error a naive design was drawn to show: the rule and the finding's first node. */
export interface ExpectedError {
  rule: string;
  node: string;
}

export interface Template {
  id: string;
  title: string;
  /** The brief in one paragraph: who uses it, how much traffic and data, what must stay consistent. */
  summary: string;
  kind: TemplateKind;
  doc: Diagram;
  /** Naive designs: exactly the errors the review should raise. Robust designs: none. */
  expectedErrors: readonly ExpectedError[];
}

// The JSON modules are typed by their contents (strings where the model has unions);
// the tests validate every file against the real schema, so the cast is checked there.
const diagram = (json: unknown): Diagram => json as Diagram;

export const TEMPLATES: readonly Template[] = [
  {
    id: 'url-shortener-naive',
    title: 'URL shortener (first draft)',
    kind: 'naive',
    summary:
      'The URL shortener brief as a first whiteboard sketch often draws it: one load balancer, one service that both ' +
      'creates codes and serves redirects, a single cache that never expires entries, a single database, and click ' +
      'analytics recorded while the visitor waits for the redirect. Open the findings to see what a reviewer would flag.',
    doc: diagram(urlShortenerNaive),
    expectedErrors: [
      // The URL service waits on the analytics call, so the lone analytics service is needed too.
      { rule: 'availability-below-target', node: 'browser' },
      // At its stated peak of 20,000 redirects a second, every lone component falls over.
      { rule: 'over-capacity', node: 'analytics' },
      { rule: 'over-capacity', node: 'db' },
      { rule: 'over-capacity', node: 'lb' },
      { rule: 'over-capacity', node: 'url-service' },
      { rule: 'spof', node: 'analytics' },
      { rule: 'spof', node: 'cache' },
      { rule: 'spof', node: 'db' },
      { rule: 'spof', node: 'lb' },
    ],
  },
  {
    id: 'url-shortener-robust',
    title: 'URL shortener',
    kind: 'robust',
    summary:
      'A public link shortener. Expect around 100 million new links a month (about 40 writes a second, a few hundred ' +
      'at peak) and roughly a hundred redirects per link created, so 4,000 redirects a second on average and over ' +
      '20,000 at peak. A mapping is about 500 bytes: some 3 TB over five years before replication. Codes must be ' +
      'unique, so creating a link needs a consistent store; redirects can be served from a cache that is briefly ' +
      'stale, and click counts only need to be right eventually.',
    doc: diagram(urlShortenerRobust),
    expectedErrors: [],
  },
  {
    id: 'chat-naive',
    title: 'Real-time chat (first draft)',
    kind: 'naive',
    summary:
      'The chat brief (10 million people connected at once, a billion messages a day) as a first sketch: one load ' +
      'balancer in front of WebSocket servers that have no way to pass messages to each other, a chat service that ' +
      'keeps connections in its own memory, push notifications sent while the sender waits, and every message ' +
      'written to a single Cassandra node before delivery, then read back as if that store were strongly consistent.',
    doc: diagram(chatNaive),
    expectedErrors: [
      { rule: 'availability-below-target', node: 'app' },
      { rule: 'cap-mismatch', node: 'messages' },
      // At 40,000 messages a second, the single servers and the push provider's quota give way.
      { rule: 'over-capacity', node: 'chat' },
      { rule: 'over-capacity', node: 'lb' },
      { rule: 'over-capacity', node: 'messages' },
      { rule: 'over-capacity', node: 'push' },
      { rule: 'over-capacity', node: 'ws' },
      { rule: 'spof', node: 'lb' },
      { rule: 'spof', node: 'messages' },
    ],
  },
  {
    id: 'chat-robust',
    title: 'Real-time chat',
    kind: 'robust',
    summary:
      'One-to-one and group chat with presence and history for 10 million concurrently connected users sending a ' +
      'billion messages a day: about 12,000 messages a second on average and several times that at peak, each ' +
      'delivered in under 100 ms. At around 200 bytes a message, history grows by some 200 GB a day. A message must ' +
      'never be lost once acknowledged and must keep its place in its conversation; history may trail the live ' +
      'stream by a moment, and presence can be approximate.',
    doc: diagram(chatRobust),
    expectedErrors: [],
  },
  {
    id: 'news-feed',
    title: 'News feed',
    kind: 'robust',
    summary:
      'A social feed for 100 million daily users who open it about ten times a day: roughly 12,000 feed reads a ' +
      'second on average and 50,000 at peak, against about 1,500 new posts a second. Post text adds some 130 GB a ' +
      'day; photos and video run to hundreds of terabytes and are served from a CDN. Feeds may be eventually ' +
      'consistent (a new post can take a few seconds to reach followers), but an accepted post must not be lost.',
    doc: diagram(newsFeed),
    expectedErrors: [],
  },
  {
    id: 'checkout',
    title: 'E-commerce checkout',
    kind: 'robust',
    summary:
      'Checkout and payment for a shop with 5 million visitors a day: about 200 orders a second normally and 2,000 ' +
      'during a sale. Orders and ledger entries are a few kilobytes each, tens of gigabytes a year. Money and stock ' +
      'need strong consistency: a charge is recorded exactly once and an item is never sold twice, so the ledger, ' +
      'orders and inventory sit in CP stores and every step carries an idempotency key. Carts can be eventually consistent.',
    doc: diagram(checkout),
    expectedErrors: [],
  },
  {
    id: 'notifications',
    title: 'Notification service',
    kind: 'robust',
    summary:
      'A shared service other teams call to reach 50 million users by email, SMS and push: about 200 million ' +
      'messages a day (2,300 a second on average, bursts of 20,000 when a campaign starts), with delivery logs ' +
      'growing by about 100 GB a day. A message may arrive a few seconds late, but it must not be sent twice and must ' +
      'never reach someone who opted out, so duplicate checks and preferences are read with strong consistency.',
    doc: diagram(notifications),
    expectedErrors: [],
  },
  {
    id: 'public-api',
    title: 'Rate-limited public API',
    kind: 'robust',
    summary:
      'A public REST API used through 50,000 developer keys: 20,000 requests a second on average and 80,000 at peak, ' +
      'with quotas per key from 10 to 1,000 requests a second. The data behind it is about 2 TB, and usage records for ' +
      'billing add some 50 GB a day. A revoked key and a write must take effect at once (strong consistency); list ' +
      'and search reads may lag slightly on replicas, and quota counters are approximate by design.',
    doc: diagram(publicApi),
    expectedErrors: [],
  },
];

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((template) => template.id === id);
}
