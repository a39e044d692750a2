import { RULES } from '../analysis/registry.ts';
import type { Rule, Severity } from '../analysis/types.ts';

// docs/rules.md is generated from the registry, so it cannot drift from the rules:
//   node bin/faultline.js rules --markdown > docs/rules.md
// and rules-doc.test.ts fails when the file is out of date.

const SEVERITY_NOTE: Record<Severity, string> = {
  error: 'error (fails `faultline lint`)',
  warning: 'warning',
  info: 'info',
};

export function renderRulesMarkdown(rules: readonly Rule[] = RULES): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from src/analysis/registry.ts by `node bin/faultline.js rules --markdown > docs/rules.md`. Do not edit by hand. -->',
    '',
    'Every rule the design review applies, in the app and in `faultline lint`. Each finding names its rule,',
    'a severity, the components it concerns (the first is the one it is about) and a one-sentence message.',
    '`faultline lint` exits with status 1 when any finding has severity error.',
    '',
    'Traffic in these rules follows **flow edges**: `request` (the caller waits) and `async` (publish or',
    'consume). `replication` edges copy data between stores and never carry requests. **Clients** are where',
    'requests start.',
    '',
    'Single points of failure come from the **dependency model**: each component needs one member of each of',
    'its need sets. Targets that are interchangeable (one stateless kind, labels equal but for a trailing',
    'number or letter: "Web 1", "Web 2") form one set and are alternatives; every other target is needed on its',
    'own; `needs: "all"` or `"any"` says so outright, and an `optional` edge is not a need. A component works',
    'while enough of its instances (`minHealthy`) and every zone and region around it are up and its need sets',
    'are met, cycles included. The model, with two worked examples, is in',
    '[docs/format.md](format.md#what-a-component-needs).',
    '',
    '| Rule | Severity | Title |',
    '| --- | --- | --- |',
    ...rules.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.title} |`),
    '',
  ];
  for (const rule of rules) {
    lines.push(
      `## ${rule.id}`,
      '',
      `**${rule.title}**: ${SEVERITY_NOTE[rule.severity]}`,
      '',
      rule.why,
      '',
      `*When it fires.* ${rule.when}`,
      '',
      `*How to fix it.* ${rule.fix}`,
      '',
    );
  }
  return lines.join('\n');
}

/** `faultline rules`: one line per rule. */
export function renderRulesText(rules: readonly Rule[] = RULES): string {
  const width = Math.max(...rules.map((rule) => rule.id.length));
  return `${rules.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.title}`).join('\n')}\n`;
}
