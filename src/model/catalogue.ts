import { isGroupKind, type ComponentKind, type EdgeKind, type Props, type Size } from './types.ts';
import type { NumberSpec, PropertySpec } from './properties.ts';

// One home for every kind: its name, look, category, search words, traits and
// properties. Everything else (the form, the file schema, the review, the docs' kind
// tables) reads them from here, so adding a kind is this entry, its icon and the
// regenerated docs.

export const CATEGORIES = ['Clients & edge', 'Traffic', 'Compute', 'Data', 'Messaging', 'Groups'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Names of lucide icons; `src/canvas/icons.ts` maps each to its component. */
export type IconName =
  | 'monitor-smartphone'
  | 'globe'
  | 'earth'
  | 'split'
  | 'door-open'
  | 'server'
  | 'radio-tower'
  | 'cog'
  | 'database'
  | 'table'
  | 'zap'
  | 'list-ordered'
  | 'waves'
  | 'archive'
  | 'search'
  | 'users'
  | 'plug'
  | 'map'
  | 'box';

/**
 * What the review may assume about every component of a kind. Rules ask for a trait,
 * never for a list of kind names, so a new kind joins each rule by declaring its traits.
 */
export const TRAITS = {
  entry: 'Where requests start; it never fails itself.',
  dataStore: 'Keeps data, so one instance is one copy.',
  database: 'A database proper, which applications write to and read from.',
  broker: 'Holds messages between the components that publish them and those that consume them.',
  stateless: 'Keeps no state of its own, so equally named instances are interchangeable.',
  distributor: 'Splits the requests it receives over its targets instead of calling each one.',
  throttles: 'Can turn away callers over their quota (its rateLimiting property).',
  managedByDefault: 'A provider runs it and keeps it redundant, unless the diagram says otherwise.',
  servesRequests: 'Runs application code that answers callers, so a flood of calls lands on it.',
  consumer: 'Reads messages from queues and streams and acts on them.',
  performsWork: 'Does work a caller can wait for, which may be work that could wait.',
  selfStarting: 'Can start work on its own (a schedule, a webhook) without being called.',
  quorum: 'Works only while a majority of its members are up, unless minHealthy says otherwise.',
  external: 'Run by a third party: what it calls in turn is its own business, so it needs nothing of ours.',
  cachesResponses: 'Answers some requests itself (its hitRate) and passes on only the misses.',
} as const;
export type Trait = keyof typeof TRAITS;

/** How a store's partition behaviour is worked out when nothing more specific says. */
export const CAP_FAMILIES = {
  relational: 'CP with one copy or synchronous replication, AP with asynchronous replication',
  nosql: 'AP unless its engine is known to be CP',
  consensus: 'CP, since it answers only while a majority of its members agree',
  cache: 'classified only when its engine is known',
} as const;
export type CapFamily = keyof typeof CAP_FAMILIES;

/** A default figure and where it comes from (provider SLAs, published benchmarks, price lists). */
export interface Figure {
  value: number;
  source: string;
}

/** The default figures a kind brings: per instance, except `serviceAvailability`, the
 *  availability of the whole service when a provider runs it (`managed`). */
export type FigureKey = 'availability' | 'serviceAvailability' | 'capacityRps' | 'latencyMs' | 'costPerMonth' | 'hitRate';

// Where the default availabilities come from. Providers publish monthly uptime
// commitments (SLAs); a commitment is a floor the provider pays credits below, so it
// is a cautious figure to plan with. docs/numbers.md lists them all.
const SLA = {
  instance: 'AWS EC2 SLA: 99.5% uptime for a single instance',
  elb: 'AWS Elastic Load Balancing SLA: 99.99%',
  apiGateway: 'Amazon API Gateway SLA: 99.95%',
  lambda: 'AWS Lambda SLA: 99.95%',
  fargate: 'Amazon ECS on Fargate SLA: 99.99%',
  rds: 'Amazon RDS SLA: 99.95% for a Multi-AZ instance',
  dynamodb: 'Amazon DynamoDB SLA: 99.99% for a table in one region',
  elasticache: 'Amazon ElastiCache SLA: 99.99% for a Multi-AZ cluster',
  sqs: 'Amazon SQS SLA: 99.9%',
  kinesis: 'Amazon Kinesis Data Streams SLA: 99.9%',
  s3: 'Amazon S3 SLA: 99.9% for S3 Standard',
  opensearch: 'Amazon OpenSearch Service SLA: 99.9%',
  eksControlPlane: 'Amazon EKS SLA: 99.95% for the etcd-backed control plane',
  route53: 'Amazon Route 53 SLA promises 100%; no service is perfect, so we plan with five nines',
  cloudfront: 'Amazon CloudFront SLA: 99.9%',
  saas: 'Third-party APIs commonly commit to 99.9% (a typical SaaS SLA)',
  zone: 'No provider commits to one zone; 99.9% is a common planning figure, and two such zones clear the 99.99% region-level SLA',
  region: 'AWS EC2 SLA: 99.99% region-level uptime for a deployment spread over two or more zones',
} as const;

// Where the default load figures come from: published limits and benchmarks for
// capacity, typical service times, and on-demand list prices (us-east-1, 730 hours a
// month) for the instance a small production deployment would use.
const PLAN = {
  apiInstance: 'Planning figure for one 2-vCPU instance running a typical API handler with some I/O',
  vm: 'AWS EC2 m6i.large on demand: about $0.096 an hour',
  lbVm: 'AWS EC2 c6i.large on demand: about $0.085 an hour, running nginx or HAProxy, which serve tens of thousands of requests a second per core on small requests',
  gateway: 'A self-run gateway (Kong, Envoy) on one 2-vCPU instance; the plugins it runs decide the figure',
  websocket: 'One 2-vCPU instance pushing small messages over long-lived connections',
  worker: 'A background job of about 50 ms on one 2-vCPU instance with several threads',
  route53: 'Amazon Route 53 answers from anycast name servers and resolvers cache the answer, so requests do not wait on it; about $1 a month for a hosted zone and its queries',
  cloudfront: 'Amazon CloudFront quotas allow 250,000 requests a second per distribution; edge hits answer in about 10 ms; a small site pays about $50 a month',
  rds: 'A 2-vCPU PostgreSQL or MySQL instance on simple indexed queries (pgbench-style); Amazon RDS db.m6i.large about $0.17 an hour',
  cassandra: 'A Cassandra node on a 2-vCPU i3.large (about $0.156 an hour) serving single-partition reads and writes',
  redis: 'redis-benchmark: about 100,000 simple operations a second on one core, under a millisecond each; Amazon ElastiCache cache.m6g.large about $0.15 an hour',
  rabbitmq: 'RabbitMQ sustains tens of thousands of small messages a second per node; we plan with 10,000',
  kafka: 'A Kafka broker on a modest instance handles well over 50,000 small messages a second; m5.large with its disks about $150 a month',
  s3: 'Amazon S3 serves at least 5,500 GET requests a second per prefix, with tens of milliseconds to the first byte; $25 a month is a small bucket',
  opensearch: 'One search node answers on the order of 1,000 simple queries a second; Amazon OpenSearch r6g.large about $0.19 an hour',
  zookeeper: 'ZooKeeper handles tens of thousands of mostly-read operations a second; writes are slower',
  stripe: 'Stripe’s default live-mode limit is 100 read and 100 write requests a second; a third-party call often takes hundreds of milliseconds; paid per use, so no fixed price',
  cacheHits: 'Planning assumption: a well-keyed cache answers about 80% of reads (the hot 20% of keys)',
  cdnHits: 'Planning assumption: static and cacheable content is answered at the edge about 90% of the time',
} as const;

const up = (value: number, source: string): Figure => ({ value, source });
/** Capacity a second, service time and monthly price, each with its source. */
const load = (capacityRps: number, latencyMs: number, costPerMonth: number, capacitySource: string, costSource: string = PLAN.vm) => ({
  capacityRps: up(capacityRps, capacitySource),
  latencyMs: up(latencyMs, capacitySource),
  costPerMonth: up(costPerMonth, costSource),
});
/** A self-run instance on a cloud VM, and what the provider's managed version of it commits to. */
const selfRun = (service: Figure) => ({ availability: up(0.995, SLA.instance), serviceAvailability: service });

export interface KindInfo<K extends string = NodeKind> {
  kind: K;
  name: string;
  description: string;
  category: Category;
  icon: IconName;
  synonyms: readonly string[];
  traits: readonly Trait[];
  /** Present on the kinds whose CAP choice the review describes. */
  cap?: CapFamily;
  figures: Partial<Record<FigureKey, Figure>>;
  properties: readonly PropertySpec[];
}

export const REPLICAS: PropertySpec = {
  key: 'replicas',
  label: 'Replicas',
  type: 'integer',
  min: 1,
  max: 10_000,
  default: 1,
  help: 'Interchangeable instances; for a data store, copies with automatic failover.',
};

const IDEMPOTENT: PropertySpec = {
  key: 'idempotent',
  label: 'Idempotent',
  type: 'boolean',
  default: false,
  help: 'Handling the same message twice has the same effect as handling it once.',
};

const engine = (suggestions: readonly string[], help = 'The product that implements it.'): PropertySpec => ({
  key: 'engine',
  label: 'Engine',
  type: 'text',
  suggestions,
  help,
});

const consistency: PropertySpec = {
  key: 'consistency',
  label: 'Consistency',
  type: 'enum',
  options: ['strong', 'eventual'],
  help: 'Overrides what the engine and replication imply: strong behaves as CP, eventual as AP.',
};

const delivery = (fallback: string): PropertySpec => ({
  key: 'delivery',
  label: 'Delivery',
  type: 'enum',
  options: ['at-most-once', 'at-least-once', 'exactly-once'],
  default: fallback,
  help: 'What a consumer can count on: messages lost, repeated, or neither.',
});

type EntryInfo<K extends string> = Omit<KindInfo<K>, 'properties' | 'traits' | 'figures'> &
  Partial<Pick<KindInfo<K>, 'traits' | 'figures'>>;

// Format version 2: what a component needs of what it calls, and the figures the
// numbers review reads. Figures are per instance unless the help says otherwise.

export const NEEDS: PropertySpec = {
  key: 'needs',
  label: 'Needs',
  type: 'enum',
  options: ['all', 'any'],
  fallback: 'pooled',
  help:
    'Which of the components it calls it needs: all of them, or any one. Unset: targets of one stateless kind named ' +
    'alike but for a trailing number or letter ("Web 1", "Web 2") are alternatives; every other target is needed.',
};

const minHealthy = (quorum: boolean): PropertySpec => ({
  key: 'minHealthy',
  label: 'Minimum healthy',
  type: 'integer',
  min: 1,
  max: 10_000,
  ...(quorum ? { fallback: 'a majority of its replicas' } : { default: 1 }),
  help: 'Instances that must be up for it to work; with fewer, it is down.',
});

const managed = (byDefault: boolean): PropertySpec => ({
  key: 'managed',
  label: 'Managed',
  type: 'boolean',
  default: byDefault,
  help: 'A provider runs its redundancy, so it fails only as a whole service and is never a single instance of yours.',
});

/** A figure property: a number with its range, read by the numbers review. */
const figure = (key: string, label: string, help: string, range: Pick<NumberSpec, 'min' | 'max' | 'minExclusive' | 'maxExclusive' | 'default' | 'fallback'>): NumberSpec => ({
  key,
  label,
  type: 'number',
  ...range,
  help,
});

/** What a figure property takes when unset: its kind's default, listed with its source. */
const KIND_FIGURE = 'the figure for its kind (docs/numbers.md)';

export const AVAILABILITY = figure(
  'availability',
  'Availability',
  'Chance that an instance is up (a managed service: the whole service; a group: the group), such as 0.995.',
  { min: 0, minExclusive: true, max: 1, fallback: KIND_FIGURE },
);
const CAPACITY_RPS = figure('capacityRps', 'Capacity (requests/s)', 'Peak requests a second one instance can serve (a managed service: the whole service).', { min: 0, minExclusive: true, fallback: KIND_FIGURE });
const LATENCY_MS = figure('latencyMs', 'Latency (ms)', 'Time one instance takes to serve a request with no queue.', { min: 0, fallback: KIND_FIGURE });
const COST_PER_MONTH = figure('costPerMonth', 'Cost per month ($)', 'What one instance costs a month, in dollars (a managed service: the whole service).', { min: 0, fallback: KIND_FIGURE });
const HIT_RATE = figure('hitRate', 'Hit rate', 'Share of requests answered without calling what is behind it, such as 0.9.', { min: 0, max: 1, fallback: KIND_FIGURE });
const RPS = figure('rps', 'Requests/s', 'Peak requests a second this entry sends; the load review starts from it.', { min: 0 });
const LATENCY_BUDGET_MS = figure('latencyBudgetMs', 'Latency budget (ms)', 'The p99 response time this entry must get.', { min: 0, minExclusive: true });
const AVAILABILITY_TARGET = figure(
  'availabilityTarget',
  'Availability target',
  'The availability this entry must get, such as 0.999.',
  { min: 0, minExclusive: true, max: 1, maxExclusive: true },
);

/** The version 2 properties a component has, by its traits. */
function sharedProperties(traits: readonly Trait[]): PropertySpec[] {
  if (traits.includes('entry')) return [NEEDS, RPS, LATENCY_BUDGET_MS, AVAILABILITY_TARGET];
  const cached = traits.includes('cachesResponses') ? [HIT_RATE] : [];
  return [NEEDS, minHealthy(traits.includes('quorum')), managed(traits.includes('managedByDefault')), AVAILABILITY, CAPACITY_RPS, LATENCY_MS, COST_PER_MONTH, ...cached];
}

/** The keys of the version 2 properties every component other than an entry has. */
export const SHARED_COMPONENT_KEYS: readonly string[] = sharedProperties([]).map((spec) => spec.key);

const component = <K extends string>(info: EntryInfo<K>, own: readonly PropertySpec[] = []): KindInfo<K> => ({
  traits: [],
  figures: {},
  ...info,
  properties: [REPLICAS, ...own, ...sharedProperties(info.traits ?? [])],
});

const group = <K extends string>(info: EntryInfo<K>): KindInfo<K> => ({ traits: [], figures: {}, ...info, properties: [AVAILABILITY] });

export const CATALOGUE = [
  component(
    {
      kind: 'client',
      traits: ['entry'],
      name: 'Client',
      description: 'Where requests start: a browser, an app or a device.',
      category: 'Clients & edge',
      icon: 'monitor-smartphone',
      synonyms: ['user', 'browser', 'mobile', 'app', 'frontend', 'device', 'iot', 'internet', 'public traffic', 'customer', 'power bi', 'bi report'],
    },
    [
      {
        key: 'clientType',
        label: 'Client type',
        type: 'enum',
        options: ['web', 'mobile', 'desktop', 'iot'],
        default: 'web',
        help: 'The kind of device or program the requests come from.',
      },
    ],
  ),
  component({
    kind: 'dns',
    traits: ['stateless', 'distributor', 'managedByDefault'],
    figures: { ...selfRun(up(0.99999, SLA.route53)), ...load(1_000_000, 0, 1, PLAN.route53, PLAN.route53) },
    name: 'DNS',
    description: 'Turns a host name into the addresses to call.',
    category: 'Clients & edge',
    icon: 'globe',
    synonyms: ['route53', 'route 53', 'domain', 'name server', 'geo dns', 'resolver', 'hosted zone'],
  }),
  component({
    kind: 'cdn',
    traits: ['stateless', 'managedByDefault', 'cachesResponses'],
    figures: { ...selfRun(up(0.999, SLA.cloudfront)), ...load(250_000, 10, 50, PLAN.cloudfront, PLAN.cloudfront), hitRate: up(0.9, PLAN.cdnHits) },
    name: 'CDN',
    description: 'Serves static and cacheable content from the edge, close to users.',
    category: 'Clients & edge',
    icon: 'earth',
    synonyms: ['cloudfront', 'akamai', 'fastly', 'edge', 'content delivery'],
  }),
  component(
    {
      kind: 'load-balancer',
      traits: ['stateless', 'distributor'],
    figures: { ...selfRun(up(0.9999, SLA.elb)), ...load(10_000, 1, 62, PLAN.lbVm, PLAN.lbVm) },
      name: 'Load balancer',
      description: 'Spreads incoming traffic over a pool of backends.',
      category: 'Traffic',
      icon: 'split',
      synonyms: ['lb', 'elb', 'alb', 'nlb', 'nginx', 'haproxy', 'envoy', 'proxy'],
    },
    [
      {
        key: 'layer',
        label: 'Layer',
        type: 'enum',
        options: ['L4', 'L7'],
        default: 'L7',
        help: 'L4 routes by address and port; L7 reads the request (path, headers, cookies).',
      },
      {
        key: 'strategy',
        label: 'Strategy',
        type: 'enum',
        options: [
          'round-robin',
          'weighted-round-robin',
          'least-connections',
          'least-response-time',
          'ip-hash',
          'url-hash',
        ],
        default: 'round-robin',
        help: 'How the next backend is picked.',
      },
      {
        key: 'healthChecks',
        label: 'Health checks',
        type: 'boolean',
        default: true,
        help: 'Backends that fail a probe are taken out of the pool.',
      },
      {
        key: 'stickySessions',
        label: 'Sticky sessions',
        type: 'boolean',
        default: false,
        help: 'A client keeps going to the same backend.',
      },
    ],
  ),
  component(
    {
      kind: 'api-gateway',
      traits: ['stateless', 'distributor', 'throttles'],
    figures: { ...selfRun(up(0.9995, SLA.apiGateway)), ...load(5_000, 2, 70, PLAN.gateway) },
      name: 'API gateway',
      description: 'One front door for APIs: routing, authentication, throttling.',
      category: 'Traffic',
      icon: 'door-open',
      synonyms: ['gateway', 'kong', 'apigee', 'ingress', 'bff', 'appsync', 'api management'],
    },
    [
      {
        key: 'rateLimiting',
        label: 'Rate limiting',
        type: 'boolean',
        default: true,
        help: 'Callers over their quota are turned away before they reach the services.',
      },
    ],
  ),
  component(
    {
      kind: 'service',
      traits: ['stateless', 'servesRequests', 'consumer', 'performsWork'],
    figures: { ...selfRun(up(0.9999, SLA.fargate)), ...load(1_000, 20, 70, PLAN.apiInstance) },
      name: 'Service',
      description: 'An application server or microservice that handles requests.',
      category: 'Compute',
      icon: 'server',
      synonyms: ['app', 'api', 'server', 'backend', 'microservice', 'web server', 'django', 'fastapi', 'tomcat', 'function', 'lambda', 'container', 'vm', 'ec2', 'instance', 'kubernetes', 'k8s', 'pod', 'compute', 'model endpoint'],
    },
    [
      {
        key: 'stateful',
        label: 'Stateful',
        type: 'boolean',
        default: false,
        help: 'Keeps session or user state in its own memory or disk.',
      },
      IDEMPOTENT,
    ],
  ),
  component(
    {
      kind: 'websocket-server',
      traits: ['stateless', 'servesRequests'],
    figures: { ...selfRun(up(0.9995, SLA.apiGateway)), ...load(10_000, 5, 70, PLAN.websocket) },
      name: 'WebSocket server',
      description: 'Holds long-lived connections and pushes messages to clients.',
      category: 'Compute',
      icon: 'radio-tower',
      synonyms: ['websocket', 'ws', 'socket', 'realtime', 'push', 'chat', 'sse'],
    },
  ),
  component(
    {
      kind: 'worker',
      traits: ['stateless', 'consumer', 'performsWork', 'selfStarting'],
    figures: { ...selfRun(up(0.9995, SLA.lambda)), ...load(200, 50, 70, PLAN.worker) },
      name: 'Worker',
      description: 'Consumes jobs or events in the background.',
      category: 'Compute',
      icon: 'cog',
      synonyms: ['consumer', 'job', 'celery', 'background', 'batch', 'cron', 'pipeline', 'etl', 'notebook', 'spark', 'scheduler', 'processor', 'ingest', 'ingestion', 'step functions', 'data factory', 'glue', 'dataflow'],
    },
    [IDEMPOTENT],
  ),
  component(
    {
      kind: 'sql-database',
      traits: ['dataStore', 'database'],
    figures: { ...selfRun(up(0.9995, SLA.rds)), ...load(2_000, 5, 125, PLAN.rds, PLAN.rds) },
      cap: 'relational',
      name: 'SQL database',
      description: 'Relational tables with transactions and joins.',
      category: 'Data',
      icon: 'database',
      synonyms: ['sql', 'rdbms', 'relational', 'postgres', 'postgresql', 'mysql', 'sqlserver', 'cockroachdb', 'aurora', 'database', 'db', 'warehouse', 'data warehouse', 'lakehouse', 'rds'],
    },
    [
      engine(['postgresql', 'mysql', 'sqlserver', 'oracle', 'cockroachdb', 'spanner', 'tidb']),
      {
        key: 'replication',
        label: 'Replication',
        type: 'enum',
        options: ['none', 'async', 'sync'],
        help: 'How copies follow the primary; async when there are several replicas and nothing is set.',
      },
      { key: 'sharded', label: 'Sharded', type: 'boolean', default: false, help: 'Data is split by key across servers.' },
      consistency,
    ],
  ),
  component(
    {
      kind: 'nosql-database',
      traits: ['dataStore', 'database'],
    figures: { ...selfRun(up(0.9999, SLA.dynamodb)), ...load(10_000, 5, 114, PLAN.cassandra, PLAN.cassandra) },
      cap: 'nosql',
      name: 'NoSQL database',
      description: 'A key-value, document, wide-column or graph store.',
      category: 'Data',
      icon: 'table',
      synonyms: ['nosql', 'cassandra', 'dynamodb', 'mongodb', 'mongo', 'hbase', 'couchdb', 'riak', 'document', 'key-value'],
    },
    [
      engine(['cassandra', 'dynamodb', 'mongodb', 'hbase', 'couchdb', 'riak']),
      {
        key: 'model',
        label: 'Model',
        type: 'enum',
        options: ['key-value', 'document', 'wide-column', 'graph'],
        help: 'How the data is shaped.',
      },
      consistency,
    ],
  ),
  component(
    {
      kind: 'cache',
      traits: ['dataStore', 'cachesResponses'],
    figures: { ...selfRun(up(0.9999, SLA.elasticache)), ...load(100_000, 1, 110, PLAN.redis, PLAN.redis), hitRate: up(0.8, PLAN.cacheHits) },
      cap: 'cache',
      name: 'Cache',
      description: 'Keeps hot data in memory to cut latency and database load.',
      category: 'Data',
      icon: 'zap',
      synonyms: ['redis', 'memcached', 'in-memory', 'valkey'],
    },
    [
      engine(['redis', 'memcached']),
      {
        key: 'strategy',
        label: 'Strategy',
        type: 'enum',
        options: ['cache-aside', 'read-through', 'write-through', 'write-back'],
        default: 'cache-aside',
        help: 'Who fills the cache and when writes reach the database.',
      },
      {
        key: 'eviction',
        label: 'Eviction',
        type: 'enum',
        options: ['lru', 'lfu', 'fifo'],
        default: 'lru',
        help: 'Which entries go when the cache is full.',
      },
      { key: 'ttlSeconds', label: 'TTL (seconds)', type: 'integer', min: 1, help: 'Entries expire after this long.' },
      {
        key: 'invalidation',
        label: 'Invalidation on write',
        type: 'boolean',
        default: false,
        help: 'Writers delete or update the cached entry when the data changes.',
      },
      {
        key: 'persistence',
        label: 'Persistence',
        type: 'boolean',
        default: false,
        help: 'The cache writes its contents to disk and survives a restart.',
      },
    ],
  ),
  component(
    {
      kind: 'queue',
      traits: ['broker'],
    figures: { ...selfRun(up(0.999, SLA.sqs)), ...load(10_000, 2, 70, PLAN.rabbitmq) },
      name: 'Message queue',
      description: 'Buffers tasks between producers and consumers.',
      category: 'Messaging',
      icon: 'list-ordered',
      synonyms: ['queue', 'mq', 'rabbitmq', 'sqs', 'activemq', 'celery broker', 'task queue'],
    },
    [
      engine(['rabbitmq', 'sqs', 'activemq', 'redis']),
      delivery('at-least-once'),
      {
        key: 'deadLetterQueue',
        label: 'Dead-letter queue',
        type: 'boolean',
        default: false,
        help: 'Messages that keep failing are set aside instead of retried forever or dropped.',
      },
    ],
  ),
  component(
    {
      kind: 'stream',
      traits: ['broker'],
    figures: { ...selfRun(up(0.999, SLA.kinesis)), ...load(50_000, 5, 150, PLAN.kafka, PLAN.kafka) },
      name: 'Stream',
      description: 'A partitioned, replayable log of events.',
      category: 'Messaging',
      icon: 'waves',
      synonyms: ['kafka', 'kinesis', 'pulsar', 'event log', 'pubsub', 'pub/sub', 'event bus'],
    },
    [
      engine(['kafka', 'kinesis', 'pulsar']),
      { key: 'partitions', label: 'Partitions', type: 'integer', min: 1, help: 'Units of parallelism and ordering.' },
      delivery('at-least-once'),
    ],
  ),
  component({
    kind: 'object-storage',
    traits: ['dataStore', 'managedByDefault'],
    figures: { ...selfRun(up(0.999, SLA.s3)), ...load(5_500, 30, 25, PLAN.s3, PLAN.s3) },
    name: 'Object storage',
    description: 'Durable storage for files and blobs.',
    category: 'Data',
    icon: 'archive',
    synonyms: ['s3', 'blob', 'gcs', 'bucket', 'files', 'media', 'storage', 'data lake', 'adls', 'file share'],
  }),
  component({
    kind: 'search',
    traits: ['dataStore'],
    figures: { ...selfRun(up(0.999, SLA.opensearch)), ...load(1_000, 20, 140, PLAN.opensearch, PLAN.opensearch) },
    name: 'Search',
    description: 'A full-text or faceted search index.',
    category: 'Data',
    icon: 'search',
    synonyms: ['elasticsearch', 'opensearch', 'solr', 'index', 'lucene'],
  }),
  component(
    {
      kind: 'coordination',
      traits: ['dataStore', 'quorum'],
    figures: { ...selfRun(up(0.9995, SLA.eksControlPlane)), ...load(10_000, 5, 70, PLAN.zookeeper) },
      cap: 'consensus',
      name: 'Coordination',
      description: 'Consensus for leader election, locks and configuration.',
      category: 'Data',
      icon: 'users',
      synonyms: ['zookeeper', 'etcd', 'consul', 'consensus', 'raft', 'leader election', 'lock'],
    },
    [engine(['zookeeper', 'etcd', 'consul'])],
  ),
  component({
    kind: 'external',
    traits: ['external', 'performsWork', 'selfStarting'],
    figures: { availability: up(0.999, SLA.saas), serviceAvailability: up(0.999, SLA.saas), ...load(100, 300, 0, PLAN.stripe, PLAN.stripe) },
    name: 'Third-party service',
    description: 'A service run by someone else: payments, email, maps.',
    category: 'Clients & edge',
    icon: 'plug',
    synonyms: ['external', 'third party', 'stripe', 'payment', 'email', 'sms', 'twilio', 'sendgrid', 'saas', 'bedrock', 'openai', 'llm'],
  }),
  group({
    kind: 'region',
    figures: { availability: up(0.9999, SLA.region) },
    name: 'Region',
    description: 'A geographic region: a failure domain holding zones.',
    category: 'Groups',
    icon: 'map',
    synonyms: ['region', 'data center', 'datacenter', 'geo'],
  }),
  group({
    kind: 'zone',
    figures: { availability: up(0.999, SLA.zone) },
    name: 'Availability zone',
    description: 'An isolated part of a region that fails on its own.',
    category: 'Groups',
    icon: 'box',
    synonyms: ['zone', 'az', 'availability zone', 'rack'],
  }),
];

/** Every kind a node can have, components and groups, in catalogue order. */
export type NodeKind = (typeof CATALOGUE)[number]['kind'];
export const NODE_KINDS: readonly NodeKind[] = CATALOGUE.map((info) => info.kind);
export const COMPONENT_KINDS: readonly ComponentKind[] = NODE_KINDS.filter((kind) => !isGroupKind(kind));

const BY_KIND = new Map<string, KindInfo>(CATALOGUE.map((info) => [info.kind, info]));
const WITH_TRAIT = new Map<Trait, ReadonlySet<NodeKind>>(
  (Object.keys(TRAITS) as Trait[]).map((trait) => [trait, new Set(NODE_KINDS.filter((kind) => kindInfo(kind).traits.includes(trait)))]),
);

export function hasTrait(kind: NodeKind, trait: Trait): boolean {
  return WITH_TRAIT.get(trait)!.has(kind);
}

/** The kinds that have a trait, in catalogue order. */
export function kindsWith(trait: Trait): NodeKind[] {
  return NODE_KINDS.filter((kind) => hasTrait(kind, trait));
}

export function kindInfo(kind: NodeKind): KindInfo {
  const info = BY_KIND.get(kind);
  if (!info) throw new Error(`No catalogue entry for kind ${kind}`);
  return info;
}

/** The props a freshly placed component carries: every property that has a default. */
export function defaultProps(kind: NodeKind): Props {
  const props: Props = {};
  for (const spec of kindInfo(kind).properties) {
    if (spec.default !== undefined) props[spec.key] = spec.default;
  }
  return props;
}

/** Every component is drawn at this size, so layout and export need not measure. */
export const COMPONENT_SIZE = { width: 180, height: 64 } as const;

/** Default size of a new group on the canvas. */
export const GROUP_SIZE = { region: { width: 720, height: 440 }, zone: { width: 340, height: 260 } } as const;

/** The size a node is drawn at: every component the same, each group its own. */
export function drawnSize(node: { kind: NodeKind; size?: Size }): Size {
  return isGroupKind(node.kind) ? (node.size ?? GROUP_SIZE[node.kind]) : COMPONENT_SIZE;
}

/** Case-insensitive search over names, kinds and synonyms. */
export function searchCatalogue(query: string): KindInfo[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...CATALOGUE];
  return CATALOGUE.filter(
    (info) =>
      info.name.toLowerCase().includes(q) ||
      info.kind.includes(q) ||
      info.synonyms.some((word) => word.includes(q)),
  );
}

export interface EdgeKindInfo {
  kind: EdgeKind;
  name: string;
  description: string;
  /** SVG stroke-dasharray; empty is solid. */
  dash: string;
}

export const EDGE_KIND_INFO: Record<EdgeKind, EdgeKindInfo> = {
  request: { kind: 'request', name: 'Request', description: 'A synchronous call; the caller waits.', dash: '' },
  async: { kind: 'async', name: 'Async', description: 'Publish or consume; nobody waits.', dash: '8 5' },
  replication: {
    kind: 'replication',
    name: 'Replication',
    description: 'A data store copying to another; carries no requests.',
    dash: '2 4',
  },
};

export const EDGE_PROPERTIES: readonly PropertySpec[] = [
  {
    key: 'kind',
    label: 'Kind',
    type: 'enum',
    options: ['request', 'async', 'replication'],
    default: 'request',
    help: 'Request: the caller waits. Async: publish or consume. Replication: a store copying to another.',
  },
  {
    key: 'protocol',
    label: 'Protocol',
    type: 'text',
    suggestions: ['https', 'http', 'grpc', 'websocket', 'tcp', 'amqp', 'kafka', 'sql'],
    help: 'What the call speaks.',
  },
  {
    key: 'consistency',
    label: 'Needs strong consistency',
    type: 'enum',
    options: ['strong'],
    help: 'The caller must read the latest write.',
  },
  { key: 'retries', label: 'Retries', type: 'integer', min: 0, max: 100, help: 'Times a failed call is tried again.' },
  {
    key: 'backoff',
    label: 'Backoff',
    type: 'boolean',
    default: false,
    help: 'Each retry waits longer than the one before, with jitter.',
  },
  {
    key: 'circuitBreaker',
    label: 'Circuit breaker',
    type: 'boolean',
    default: false,
    help: 'After repeated failures the caller stops calling for a while.',
  },
  {
    key: 'timeoutMs',
    label: 'Timeout (ms)',
    type: 'integer',
    min: 1,
    help: 'The caller gives up after this long.',
  },
  {
    key: 'optional',
    label: 'Optional',
    type: 'boolean',
    default: false,
    help: 'The caller degrades gracefully without this target, so it does not need it to work.',
  },
  figure('callsPerRequest', 'Calls per request', 'Calls the caller makes here for each request it receives.', { min: 0, default: 1 }),
  figure('weight', 'Weight', 'This target\'s share at a load balancer, DNS or gateway, against its other targets.', { min: 0, minExclusive: true, default: 1 }),
];
