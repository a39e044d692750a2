import { readFileSync } from 'node:fs';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeImportError } from '../../errors.ts';
import { openDocument } from '../registry.ts';
import { crc32, mxfileFromPng } from './png.ts';

// PNGs are built here chunk by chunk (length, type, data, CRC), as draw.io writes them.

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);

function chunk(type: string, data: Uint8Array, crc?: number): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(bytes(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc ?? crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (...chunks: Uint8Array[]) => new Uint8Array([...SIGNATURE, ...chunks.flatMap((each) => [...each])]);
const IHDR = chunk('IHDR', new Uint8Array(13));
const IEND = chunk('IEND', new Uint8Array());

const XML =
  '<mxfile host="test"><diagram id="p1" name="Shop"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>' +
  '<mxCell id="a" value="Orders cache" style="rounded=1;" vertex="1" parent="1"><mxGeometry width="80" height="60" as="geometry"/></mxCell>' +
  '</root></mxGraphModel></diagram></mxfile>';
const tEXt = (keyword: string, text: string) => chunk('tEXt', new Uint8Array([...bytes(`${keyword}\0`), ...bytes(text)]));
const zTXt = (keyword: string, text: string) => chunk('zTXt', new Uint8Array([...bytes(`${keyword}\0`), 0, ...zlibSync(bytes(text))]));

describe('a PNG that draw.io exported with its diagram', () => {
  it('gives back the XML of a tEXt chunk (today’s draw.io) and of a zTXt chunk (older ones)', () => {
    expect(mxfileFromPng(png(IHDR, tEXt('mxfile', encodeURIComponent(XML)), IEND))).toEqual({ ok: true, text: XML });
    expect(mxfileFromPng(png(IHDR, zTXt('mxfile', encodeURIComponent(XML)), IEND))).toEqual({ ok: true, text: XML });
    expect(mxfileFromPng(png(IHDR, zTXt('mxGraphModel', encodeURIComponent(XML)), IEND))).toEqual({ ok: true, text: XML });
  });

  it('opens through the registry from its bytes, by content whatever its name', async () => {
    const file = png(IHDR, chunk('tEXt', new Uint8Array([...bytes('Software\0'), ...bytes('draw.io')])), tEXt('mxfile', encodeURIComponent(XML)), IEND);
    for (const fileName of ['shop.png', 'shop.drawio.png', 'shop']) {
      const result = await openDocument(file, { fileName });
      expect(result.ok && result.doc.nodes.map((node) => [node.label, node.kind])).toEqual([['Orders cache', 'cache']]);
    }
  });

  it('says clearly when a PNG carries no diagram, is damaged, or is cut short', async () => {
    const message = async (file: Uint8Array) => {
      const result = await openDocument(file, { fileName: 'picture.png' });
      return result.ok ? 'opened' : describeImportError(result.error);
    };
    expect(await message(png(IHDR, tEXt('Software', 'GIMP'), IEND))).toBe(
      'Not a readable draw.io file: the PNG carries no draw.io diagram; in draw.io, export it again with “Include a copy of my diagram”.',
    );
    expect(await message(png(IHDR, chunk('tEXt', new Uint8Array([...bytes('mxfile\0'), ...bytes('%3Cmxfile')]), 1234), IEND))).toContain('checksum does not match');
    expect(await message(png(IHDR, tEXt('mxfile', encodeURIComponent(XML))).subarray(0, 60))).toContain('runs past its end');
    expect(await message(png(IHDR, chunk('zTXt', new Uint8Array([...bytes('mxfile\0'), 0, 1, 2, 3])), IEND))).toContain('does not inflate');
  });

  it('stops inflating a zTXt chunk at the file size limit', () => {
    const huge = chunk('zTXt', new Uint8Array([...bytes('mxfile\0'), 0, ...zlibSync(new Uint8Array(21 * 1024 * 1024), { level: 9 })]));
    expect(mxfileFromPng(png(IHDR, huge, IEND))).toMatchObject({ ok: false, reason: expect.stringContaining('size limit') });
  });

  it('opens a real one (corpus/oper8--docs--architecture.drawio.png, its picture data left out)', async () => {
    const file = new Uint8Array(readFileSync(new URL('./corpus/oper8--docs--architecture.drawio.png', import.meta.url)));
    const result = await openDocument(file, { fileName: 'architecture.drawio.png' });
    if (!result.ok) throw new Error(describeImportError(result.error));
    // A concept drawing (containers and code notes, no component icons): what matters
    // here is that the chunk is found, checked and inflated, and every cell reported.
    expect(result.notes[0]).toMatch(/^draw\.io import of its page \("Page-1"\): .*dropped 40 shapes and 9 edges/);
    expect(result.report?.entries.length).toBe(49);
  });
});

describe('a PNG given as text', () => {
  it('is refused with the reason, not as broken XML', async () => {
    const text = new TextDecoder().decode(png(IHDR, tEXt('mxfile', encodeURIComponent(XML)), IEND));
    const result = await openDocument(text, { fileName: 'shop.drawio.png' });
    expect(result.ok || describeImportError(result.error)).toMatch(/^Not a readable draw\.io file: it is a PNG image read as text/);
  });
});
