import { availabilityBelowTarget } from './rules/availability-below-target.ts';
import { capacityHeadroom } from './rules/capacity-headroom.ts';
import { capChoice } from './rules/cap-choice.ts';
import { capMismatch } from './rules/cap-mismatch.ts';
import { cacheWithoutExpiry } from './rules/cache-without-expiry.ts';
import { consumerNotIdempotent } from './rules/consumer-not-idempotent.ts';
import { coordinationQuorum } from './rules/coordination-quorum.ts';
import { externalNoCircuitBreaker } from './rules/external-no-circuit-breaker.ts';
import { externalNoTimeout } from './rules/external-no-timeout.ts';
import { latencyOverBudget } from './rules/latency-over-budget.ts';
import { lbNoHealthChecks } from './rules/lb-no-health-checks.ts';
import { noFailoverHeadroom } from './rules/no-failover-headroom.ts';
import { noEntryPoint } from './rules/no-entry-point.ts';
import { noRateLimiting } from './rules/no-rate-limiting.ts';
import { overCapacity } from './rules/over-capacity.ts';
import { queueNoConsumer } from './rules/queue-no-consumer.ts';
import { queueNoDlq } from './rules/queue-no-dlq.ts';
import { retryNoBackoff } from './rules/retry-no-backoff.ts';
import { roundRobinUnequalBackends } from './rules/round-robin-unequal-backends.ts';
import { sharedDatabase } from './rules/shared-database.ts';
import { spof } from './rules/spof.ts';
import { staleReplicaRead } from './rules/stale-replica-read.ts';
import { statefulServiceScaledOut } from './rules/stateful-service-scaled-out.ts';
import { stickySessions } from './rules/sticky-sessions.ts';
import { syncDeferrableWork } from './rules/sync-deferrable-work.ts';
import { syncPersistenceOnMessagePath } from './rules/sync-persistence-on-message-path.ts';
import { unreachableComponent } from './rules/unreachable-component.ts';
import { websocketNoBackplane } from './rules/websocket-no-backplane.ts';
import { writeBackNoPersistence } from './rules/write-back-no-persistence.ts';
import type { Rule } from './types.ts';

/** Every rule the review applies, grouped by theme: availability, consistency, traffic,
 *  data, messaging, resilience, shape. The Rules dialog and docs/rules.md list them in this order. */
export const RULES: readonly Rule[] = Object.freeze([
  spof,
  availabilityBelowTarget,
  overCapacity,
  capacityHeadroom,
  noFailoverHeadroom,
  latencyOverBudget,
  coordinationQuorum,
  capChoice,
  capMismatch,
  staleReplicaRead,
  lbNoHealthChecks,
  stickySessions,
  roundRobinUnequalBackends,
  statefulServiceScaledOut,
  noRateLimiting,
  writeBackNoPersistence,
  cacheWithoutExpiry,
  sharedDatabase,
  queueNoDlq,
  queueNoConsumer,
  consumerNotIdempotent,
  syncDeferrableWork,
  syncPersistenceOnMessagePath,
  websocketNoBackplane,
  retryNoBackoff,
  externalNoCircuitBreaker,
  externalNoTimeout,
  unreachableComponent,
  noEntryPoint,
]);

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
