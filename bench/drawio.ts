// draw.io import benchmark: `node --import tsx bench/drawio.ts`
//
// A plain draw.io page of about 2 MB as third-party files draw it: AWS icons, labelled
// boxes mapped by their words, zone containers with children, HTML labels and edges
// with label cells. Times importDrawio (parse, classify, attach, validate): one
// warm-up, then the median of five runs. The issue asks for under a second.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importDrawio } from '../src/io/formats/drawio/import.ts';
import { describeImportError } from '../src/io/errors.ts';

const ICONS = ['lambda', 'dynamodb', 'sqs', 'api_gateway', 'elasticache', 'simple_storage_service', 'rds', 'kinesis'];

export function generateDrawio(targetBytes = 2 * 1024 * 1024): string {
  const cells: string[] = [];
  const zones = 8;
  for (let z = 0; z < zones; z++) {
    cells.push(`<mxCell id="az${z}" value="Availability Zone ${z}" style="fillColor=none;dashed=1;verticalAlign=top;container=1;" vertex="1" parent="1"><mxGeometry x="${z * 3000}" y="0" width="2900" height="20000" as="geometry"/></mxCell>`);
  }
  let i = 0;
  const size = () => cells.reduce((total, cell) => total + cell.length, 0);
  while (size() < targetBytes) {
    for (let batch = 0; batch < 200; batch++, i++) {
      const parent = `az${i % zones}`;
      const style = i % 3 === 0 ? 'rounded=1;whiteSpace=wrap;html=1;' : `sketch=0;outlineConnect=0;html=1;shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.${ICONS[i % ICONS.length]};`;
      const label = i % 3 === 0 ? `Orders &lt;b&gt;cache&lt;/b&gt; ${i}` : `Component&lt;br&gt;${i}`;
      cells.push(`<mxCell id="c${i}" value="${label}" style="${style}" vertex="1" parent="${parent}"><mxGeometry x="${(i % 20) * 140}" y="${Math.floor(i / 160) * 100 + 40}" width="78" height="78" as="geometry"/></mxCell>`);
      if (i > 0) {
        cells.push(`<mxCell id="e${i}" style="edgeStyle=orthogonalEdgeStyle;html=1;${i % 4 === 0 ? 'dashed=1;' : ''}" edge="1" parent="1" source="c${i - 1}" target="c${i}"><mxGeometry relative="1" as="geometry"/></mxCell>`);
        if (i % 5 === 0) cells.push(`<mxCell id="l${i}" value="reads" style="edgeLabel;html=1;" vertex="1" connectable="0" parent="e${i}"><mxGeometry x="-0.2" relative="1" as="geometry"/></mxCell>`);
      }
    }
  }
  return `<mxfile host="bench"><diagram name="Bench"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>${cells.join('')}</root></mxGraphModel></diagram></mxfile>`;
}

function main(): void {
  const text = generateDrawio();
  const time = () => {
    const started = performance.now();
    const result = importDrawio(text);
    if (!result.ok) throw new Error(describeImportError(result.error));
    return { ms: performance.now() - started, nodes: result.doc.nodes.length, edges: result.doc.edges.length };
  };
  time();
  const runs = Array.from({ length: 5 }, time);
  const median = [...runs].sort((a, b) => a.ms - b.ms)[2]!;
  console.log(`draw.io: ${(text.length / 1024 / 1024).toFixed(1)} MB page, ${median.nodes} nodes, ${median.edges} edges`);
  console.log(`  importDrawio: median ${median.ms.toFixed(0)} ms over ${runs.length} runs [${runs.map((run) => run.ms.toFixed(0)).join(', ')}] (budget 1000 ms)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
