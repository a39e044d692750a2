import type { NodeKind } from '../../../model/types.ts';
import { importDrawio } from './import.ts';
import type { Style } from './style.ts';

/** The kind the importer gives a lone shape drawn with `style` and no Faultline data. */
export function classifyStyleOnly(style: Style): NodeKind | undefined {
  const text = [...style.names, ...[...style.values].map(([key, value]) => `${key}=${value}`)].join(';');
  const result = importDrawio(
    `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="x" value="" style="${text}" vertex="1" parent="1"><mxGeometry width="400" height="300" as="geometry"/></mxCell></root></mxGraphModel>`,
  );
  return result.ok ? result.doc.nodes[0]?.kind : undefined;
}
