import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, LogicalLocation, ReportingDescriptor, Result } from 'sarif';
import { RULES } from '../analysis/registry.ts';
import type { Finding, Rule, Severity } from '../analysis/types.ts';
import packageJson from '../../package.json' with { type: 'json' };
import type { FileReport } from './format.ts';

// `faultline lint --format sarif`: SARIF 2.1.0, the log format code scanning reads
// (GitHub's upload-sarif, IDE viewers). One run holds every file given. The driver
// lists every rule with its help, so a viewer can explain a result; each result points
// at its file, at the line of its first component's `"id"` in Faultline JSON (line 1
// in other formats, which have no lines to point at: GitHub shows an alert only on a
// line), and names its components and edges as logical locations.

export interface FileFailure {
  file: string;
  problem: string;
}

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** A path as given on the command line, as an artifact URI: relative to `cwd` with `/`
 *  and percent-encoding inside it, else an absolute `file:` URL. */
export function artifactUri(file: string, cwd: string): string {
  const path = relative(cwd, resolve(cwd, file));
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return pathToFileURL(resolve(cwd, file)).href;
  return path.split(sep).map(encodeURIComponent).join('/');
}

function descriptor(rule: Rule): ReportingDescriptor {
  return {
    id: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.why },
    help: { text: rule.fix, markdown: `${rule.why}\n\n**When it fires:** ${rule.when}\n\n**Fix:** ${rule.fix}` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
  };
}

const logical = (collection: 'nodes' | 'edges', id: string): LogicalLocation => ({ name: id, fullyQualifiedName: `${collection}/${id}`, kind: 'object' });

function location(finding: Finding, report: FileReport, uri: string): Location {
  const [first] = finding.subjects;
  const lines = report.lines?.();
  const line = (first === undefined ? undefined : lines?.nodes.get(first)) ?? (finding.edges[0] === undefined ? undefined : lines?.edges.get(finding.edges[0]));
  const logicalLocations = [...finding.subjects.map((id) => logical('nodes', id)), ...finding.edges.map((id) => logical('edges', id))];
  return {
    physicalLocation: { artifactLocation: { uri }, region: { startLine: line ?? 1 } },
    ...(logicalLocations.length > 0 ? { logicalLocations } : {}),
  };
}

function result(finding: Finding, report: FileReport, uri: string, ruleIndex: number): Result {
  return {
    ruleId: finding.rule,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(finding, report, uri)],
    // Stable across edits that move lines, so code scanning keeps tracking the same alert.
    partialFingerprints: { 'faultlineFinding/v1': [finding.rule, ...finding.subjects, ...finding.edges].join('|') },
  };
}

export function formatSarif(reports: readonly FileReport[], failures: readonly FileFailure[], cwd: string): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const log: Log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Faultline', version: packageJson.version, semanticVersion: packageJson.version, rules: RULES.map(descriptor) } },
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map(({ file, problem }) => ({
              level: 'error',
              message: { text: problem },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file, cwd) } } }],
            })),
          },
        ],
        results: reports.flatMap((report) => {
          const uri = artifactUri(report.file, cwd);
          return report.findings.map((finding) => result(finding, report, uri, ruleIndex.get(finding.rule) ?? -1));
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
