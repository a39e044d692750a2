import { describe, expect, it } from 'vitest';
import type { Diagram } from '../model/types.ts';
import { describeImportError, MAX_FILE_BYTES } from './import.ts';
import { decodeShareLink, encodeShareLink } from './share.ts';

const doc: Diagram = {
  format: 'faultline',
  version: 2,
  title: 'Chat — ✓',
  nodes: [
    { id: 'c', kind: 'client', label: 'Phone', position: { x: 0, y: 0 }, props: { replicas: 1, clientType: 'mobile' } },
    { id: 'ws', kind: 'websocket-server', label: 'Sockets', position: { x: 200, y: 0 }, props: { replicas: 2 } },
  ],
  edges: [{ id: 'e1', source: 'c', target: 'ws', props: { protocol: 'websocket' } }],
};

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

async function errorOf(fragment: string) {
  const result = await decodeShareLink(fragment);
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('share links', () => {
  it('round-trip a document through the URL fragment', async () => {
    const fragment = await encodeShareLink(doc);
    expect(fragment).toMatch(/^doc=[A-Za-z0-9_-]+$/);
    expect(await decodeShareLink(fragment)).toEqual({ ok: true, doc, notes: [] });
    expect(await decodeShareLink(`#${fragment}`)).toEqual({ ok: true, doc, notes: [] });
    expect(await decodeShareLink(`view=1&${fragment}`)).toEqual({ ok: true, doc, notes: [] });
  });

  it('are much smaller than the JSON of a repetitive diagram', async () => {
    const big: Diagram = {
      ...doc,
      nodes: Array.from({ length: 200 }, (_, i) => ({ id: `svc-${i}`, kind: 'service' as const, label: `Service ${i}`, position: { x: i * 10, y: 0 }, props: { replicas: 2 } })),
      edges: [],
    };
    const fragment = await encodeShareLink(big);
    expect(fragment.length).toBeLessThan(JSON.stringify(big).length / 4);
  });

  it.each([
    ['', 'it has no "doc=" part'],
    ['#view=1', 'it has no "doc=" part'],
    ['doc=', 'it holds no diagram'],
    ['doc=abc$def', 'the diagram data is not valid base64url text (was the link cut short?)'],
    ['doc=abcde', 'the diagram data is not valid base64url text (was the link cut short?)'],
    ['doc=AAAAAAAA', 'the diagram data could not be decompressed (was the link cut short or edited?)'],
  ])('refuse a damaged link %j', async (fragment, reason) => {
    const error = await errorOf(fragment);
    expect(error).toEqual({ kind: 'badShareLink', reason });
    expect(describeImportError(error)).toBe(`The shared link is damaged: ${reason}.`);
  });

  it('refuse a link cut short', async () => {
    const fragment = await encodeShareLink(doc);
    const error = await errorOf(fragment.slice(0, Math.floor(fragment.length * 0.6)));
    expect(error.kind).toBe('badShareLink');
  });

  it('refuse data that is not UTF-8', async () => {
    const fragment = `doc=${base64url(await deflate(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))}`;
    expect(await errorOf(fragment)).toEqual({ kind: 'badShareLink', reason: 'the diagram data is not UTF-8 text' });
  });

  it('validate the document like a file', async () => {
    const broken = JSON.stringify({ ...doc, edges: [{ id: 'e1', source: 'c', target: 'db', props: {} }] });
    const error = await errorOf(`doc=${base64url(await deflate(new TextEncoder().encode(broken)))}`);
    expect(describeImportError(error)).toContain('edge "e1" points at node "db", which does not exist');
    const notJson = await errorOf(`doc=${base64url(await deflate(new TextEncoder().encode('{"format":')))}`);
    expect(notJson.kind).toBe('notJson');
  });

  it('stop decompressing a bomb at the size limit', async () => {
    const zeros = new Uint8Array(MAX_FILE_BYTES + 1024);
    const error = await errorOf(`doc=${base64url(await deflate(zeros))}`);
    expect(error.kind).toBe('tooLarge');
  });
});
