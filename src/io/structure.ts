import { nestingFault, parentLoops } from '../model/tree.ts';
import { isGroupKind, type Diagram, type DiagramNode } from '../model/types.ts';
import { quote } from './errors.ts';
import type { PathSegment } from './paths.ts';

// Cross-checks no per-field schema can express. Ids are unique across nodes and
// edges together (one id names one thing, so every message is unambiguous); edges
// and parents must point at existing nodes; regions sit at the top level, zones at
// the top level or in a region, components anywhere; nothing is inside itself;
// every group has a size. The nesting rules and the loop check are the editor's own
// (model/tree.ts), so anything the editor saves loads again.

export interface StructureProblem {
  path: PathSegment[];
  message: string;
}

const name = (node: DiagramNode) => `${isGroupKind(node.kind) ? node.kind : 'node'} ${quote(node.id)}`;

function duplicateIds(doc: Diagram): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const firstAt = new Map<string, string>();
  const visit = (list: 'nodes' | 'edges', index: number, id: string) => {
    const where = `${list}[${index}]`;
    const earlier = firstAt.get(id);
    if (earlier === undefined) firstAt.set(id, where);
    else problems.push({ path: [list, index, 'id'], message: `the id ${quote(id)} is used twice: by ${earlier} and by ${where}` });
  };
  doc.nodes.forEach((node, index) => visit('nodes', index, node.id));
  doc.edges.forEach((edge, index) => visit('edges', index, edge.id));
  return problems;
}

function firstById(doc: Diagram): Map<string, { node: DiagramNode; index: number }> {
  const byId = new Map<string, { node: DiagramNode; index: number }>();
  doc.nodes.forEach((node, index) => {
    if (!byId.has(node.id)) byId.set(node.id, { node, index });
  });
  return byId;
}

/** Nodes whose parent chain loops, one problem per loop. */
function parentCycles(doc: Diagram, byId: ReturnType<typeof firstById>): { problems: StructureProblem[]; inCycle: Set<string> } {
  const problems: StructureProblem[] = [];
  const inCycle = new Set<string>();
  for (const loop of parentLoops(doc.nodes)) {
    const first = loop[0]!;
    for (const member of loop) inCycle.add(member.id);
    const trail = [...loop, first].map((member) => quote(member.id)).join(' → ');
    problems.push({
      path: ['nodes', byId.get(first.id)!.index, 'parentId'],
      message: `${name(first)} is inside itself: ${trail}`,
    });
  }
  return { problems, inCycle };
}

function nestingProblem(node: DiagramNode, parent: DiagramNode | undefined): string | null {
  const parentId = node.parentId!;
  if (!parent) return `${name(node)}: parentId ${quote(parentId)} names no node`;
  switch (nestingFault(node.kind, parent.kind)) {
    case 'parentNotAGroup':
      return `${name(node)}: its parent ${quote(parentId)} is a ${parent.kind}; only a region or a zone can hold other nodes`;
    case 'regionNested':
      return `${name(node)} is inside ${name(parent)}; regions sit at the top level`;
    case 'zoneOutsideRegion':
      return `${name(node)} is inside ${name(parent)}; a zone sits in a region or at the top level`;
    case null:
      return null;
  }
}

function nesting(doc: Diagram, byId: ReturnType<typeof firstById>, inCycle: ReadonlySet<string>): StructureProblem[] {
  const problems: StructureProblem[] = [];
  doc.nodes.forEach((node, index) => {
    if (isGroupKind(node.kind) && !node.size) {
      problems.push({ path: ['nodes', index, 'size'], message: `${name(node)} has no size; regions and zones need one` });
    }
    if (node.parentId === undefined || inCycle.has(node.id)) return;
    const message = nestingProblem(node, byId.get(node.parentId)?.node);
    if (message) problems.push({ path: ['nodes', index, 'parentId'], message });
  });
  return problems;
}

function danglingEdges(doc: Diagram, byId: ReturnType<typeof firstById>): StructureProblem[] {
  const problems: StructureProblem[] = [];
  doc.edges.forEach((edge, index) => {
    if (!byId.has(edge.source)) {
      problems.push({
        path: ['edges', index, 'source'],
        message: `edge ${quote(edge.id)} starts at node ${quote(edge.source)}, which does not exist`,
      });
    }
    if (!byId.has(edge.target)) {
      problems.push({
        path: ['edges', index, 'target'],
        message: `edge ${quote(edge.id)} points at node ${quote(edge.target)}, which does not exist`,
      });
    }
  });
  return problems;
}

export function crossCheck(doc: Diagram): StructureProblem[] {
  const byId = firstById(doc);
  const cycles = parentCycles(doc, byId);
  return [...duplicateIds(doc), ...cycles.problems, ...nesting(doc, byId, cycles.inCycle), ...danglingEdges(doc, byId)];
}
