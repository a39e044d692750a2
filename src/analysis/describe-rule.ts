import { describe, expect, it } from 'vitest';
import type { Diagram } from '../model/types.ts';
import { runRule } from './testing.ts';
import type { Rule } from './types.ts';

// The table every rule test is made of: documents where the rule fires (with the
// nodes of each finding) and documents where it must stay quiet.

export interface FiringCase {
  name: string;
  doc: Diagram;
  /** The `nodes` of each finding, in order. */
  nodes: string[][];
  edges?: string[][];
  /** Words each message must contain (labels are ids in these documents). */
  mentions?: string[];
}

export interface QuietCase {
  name: string;
  doc: Diagram;
}

/** The table every rule test is made of: documents where it fires, documents where it must not. */
export function describeRule(rule: Rule, cases: { fires: readonly FiringCase[]; quiet: readonly QuietCase[] }): void {
  describe(rule.id, () => {
    it.each(cases.fires.map((c) => [c.name, c] as const))('fires: %s', (_name, c) => {
      const findings = runRule(rule, c.doc);
      expect(findings.map((f) => f.nodes)).toEqual(c.nodes);
      if (c.edges) expect(findings.map((f) => f.edges)).toEqual(c.edges);
      for (const f of findings) {
        expect(f.rule).toBe(rule.id);
        expect(f.severity).toBe(rule.severity);
        expect(f.message.length).toBeGreaterThan(20);
        // What the panel needs travels with the finding.
        expect(f.nodes.slice(0, f.subjects.length)).toEqual(f.subjects);
        expect(f.subjects.length).toBe(f.nodes.length === 0 ? 0 : rule.subjects === 'first' ? 1 : f.nodes.length);
        expect(f.actions).toEqual(f.subjects.length > 0 ? ['show', ...(rule.offers ?? [])] : []);
        for (const word of c.mentions ?? []) expect(f.message).toContain(word);
      }
    });
    it.each(cases.quiet.map((c) => [c.name, c] as const))('stays quiet: %s', (_name, c) => {
      expect(runRule(rule, c.doc)).toEqual([]);
    });
  });
}
