import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../analysis/graph.ts';
import { availability } from '../analysis/numbers/availability.ts';
import { loadReport } from '../analysis/numbers/load.ts';
import { analyse } from '../analysis/run.ts';
import { importValue } from '../io/import.ts';
import { layoutProblems } from '../layout/testing.ts';
import { edgeCrossings } from '../model/crossings.ts';
import { isGroupKind } from '../model/types.ts';
import { TEMPLATES } from './index.ts';

const byKind = (kind: 'naive' | 'robust') => TEMPLATES.filter((template) => template.kind === kind);
const errorsOf = (template: (typeof TEMPLATES)[number]) =>
  analyse(template.doc)
    .filter((finding) => finding.severity === 'error')
    .map((finding) => ({ rule: finding.rule, node: finding.nodes[0] ?? '' }));
const sorted = <T extends { rule: string; node: string }>(pairs: readonly T[]) =>
  [...pairs].sort((a, b) => a.rule.localeCompare(b.rule) || a.node.localeCompare(b.node));

/** The warnings each naive design exists to teach, beyond its errors. */
const TAUGHT_WARNINGS: Record<string, readonly string[]> = {
  'url-shortener-naive': ['sync-deferrable-work', 'cache-without-expiry', 'no-rate-limiting', 'retry-no-backoff', 'shared-database'],
  'chat-naive': [
    'websocket-no-backplane',
    'sync-persistence-on-message-path',
    'stateful-service-scaled-out',
    'sync-deferrable-work',
    'external-no-timeout',
    'external-no-circuit-breaker',
  ],
};

/** Practices every robust design shows; a finding of these rules would contradict it. */
const ROBUST_PRACTICES = [
  'spof',
  'no-rate-limiting',
  'queue-no-dlq',
  'consumer-not-idempotent',
  'cache-without-expiry',
  'retry-no-backoff',
  'external-no-timeout',
  'external-no-circuit-breaker',
  'unreachable-component',
  'shared-database',
];

describe('starter designs', () => {
  it('has unique ids, one JSON file per template, and the two seed designs in both versions', () => {
    const ids = TEMPLATES.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
    const files = readdirSync(dirname(fileURLToPath(import.meta.url)))
      .filter((name) => name.endsWith('.faultline.json'))
      .map((name) => name.replace('.faultline.json', ''));
    expect(files.sort()).toEqual([...ids].sort());
    for (const id of ['url-shortener', 'chat']) {
      expect(ids).toContain(`${id}-naive`);
      expect(ids).toContain(`${id}-robust`);
    }
    expect(byKind('robust').length).toBeGreaterThanOrEqual(6);
  });

  it.each(TEMPLATES)('$id is a valid v1 document that imports unchanged', (template) => {
    const result = importValue(structuredClone(template.doc));
    if (!result.ok) throw new Error(`${template.id} does not import: ${JSON.stringify(result.error)}`);
    expect(result.doc).toEqual(template.doc);
    expect(template.doc.title).toBe(template.title);
    expect(template.summary.length).toBeGreaterThan(100);
  });

  it.each(TEMPLATES)('$id lists parents first and sizes every group', (template) => {
    const seen = new Set<string>();
    for (const node of template.doc.nodes) {
      if (node.parentId) expect(seen.has(node.parentId), `${node.id} comes before its group`).toBe(true);
      if (isGroupKind(node.kind)) expect(node.size, `${node.id} has no size`).toBeDefined();
      seen.add(node.id);
    }
  });

  it.each(TEMPLATES)('$id is laid out tidily: no overlaps, children inside their groups', (template) => {
    expect(layoutProblems(template.doc)).toEqual([]);
  });

  it.each(TEMPLATES)('$id draws no edge through, or against, a component it does not connect', (template) => {
    expect(edgeCrossings(template.doc)).toEqual([]);
  });

  it.each(byKind('robust'))('$id raises no errors', (template) => {
    expect(errorsOf(template)).toEqual([]);
    expect(template.expectedErrors).toEqual([]);
  });

  it.each(byKind('robust'))('$id follows the practices it is meant to show', (template) => {
    const broken = analyse(template.doc).filter((finding) => ROBUST_PRACTICES.includes(finding.rule));
    expect(broken.map((finding) => finding.message)).toEqual([]);
  });

  it.each(byKind('robust'))('$id uses availability zones as failure domains', (template) => {
    const zones = template.doc.nodes.filter((node) => node.kind === 'zone');
    expect(zones.length).toBeGreaterThanOrEqual(2);
    for (const zone of zones) expect(template.doc.nodes.some((node) => node.parentId === zone.id)).toBe(true);
  });

  it.each(byKind('naive'))('$id raises exactly the errors it was drawn to show', (template) => {
    expect(template.expectedErrors.length).toBeGreaterThan(0);
    expect(sorted(errorsOf(template))).toEqual(sorted(template.expectedErrors));
  });

  it.each(byKind('robust'))('$id is up more than 99.95% of the time for every client, exactly', (template) => {
    const report = availability(buildGraph(template.doc));
    for (const entry of report.entries) expect(entry).toMatchObject({ exact: true, value: expect.toSatisfy((v: number) => v > 0.9995) });
  });

  it.each(byKind('robust'))('$id has room at its stated peak, for a lost instance and a lost zone', (template) => {
    const load = analyse(template.doc).filter((finding) => ['over-capacity', 'capacity-headroom', 'no-failover-headroom'].includes(finding.rule));
    expect(load.map((finding) => finding.message)).toEqual([]);
  });

  // Requests a second at the peak each brief states, across all its clients.
  const PEAK_RPS: Record<string, number> = {
    'url-shortener-naive': 20_000,
    'url-shortener-robust': 20_000,
    'chat-naive': 40_000,
    'chat-robust': 40_000,
    'news-feed': 50_000,
    checkout: 10_000,
    notifications: 20_500,
    'public-api': 80_000,
  };

  it.each(TEMPLATES)('$id sends its stated peak, so the load review checks it', (template) => {
    const sent = template.doc.nodes.reduce((sum, node) => sum + (node.kind === 'client' ? Number(node.props?.rps ?? 0) : 0), 0);
    expect(sent).toBe(PEAK_RPS[template.id]);
    expect(loadReport(buildGraph(template.doc)).active).toBe(true);
  });

  it.each(byKind('naive'))('$id is up less than 99.5% of the time, and names a single point of failure as its cause', (template) => {
    const report = availability(buildGraph(template.doc));
    const spofs = template.expectedErrors.filter((error) => error.rule === 'spof').map((error) => error.node);
    for (const entry of report.entries) {
      expect(entry.value).toBeLessThan(0.995);
      expect(spofs).toContain(entry.contributors[0]!.unit);
    }
  });

  it.each(byKind('naive'))('$id also shows the classic mistakes it teaches', (template) => {
    const rules = new Set(analyse(template.doc).map((finding) => finding.rule));
    for (const rule of TAUGHT_WARNINGS[template.id] ?? []) expect(rules, `${template.id} should raise ${rule}`).toContain(rule);
  });
});
