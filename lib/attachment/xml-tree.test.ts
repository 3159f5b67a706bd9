import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx';
import { parseXmlTree } from './xml-tree';

const DIR = fileURLToPath(new URL('../../tests/fixtures/attachments/', import.meta.url));
const dom = (text: string) => new (parseHTML('<html></html>').DOMParser)().parseFromString(text, 'text/xml') as unknown as Document;

describe('the docx worker’s XML reader', () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.docx'))) {
    it(`reads ${name} exactly as a DOM parser does`, () => {
      const bytes = new Uint8Array(readFileSync(DIR + name));
      expect(readDocx(bytes, parseXmlTree)).toEqual(readDocx(bytes, dom));
    });
  }

  it('decodes entities and character references, keeps markup in text as text, skips comments and declarations', () => {
    const doc = parseXmlTree('<?xml version="1.0"?><!-- x --><w:document a="1 &amp; 2"><w:t>&lt;img src=x&gt; &#x4E00;&#20108;</w:t><w:br/><w:t><![CDATA[<b>]]></w:t></w:document>');
    expect(doc.documentElement.nodeName).toBe('w:document');
    expect(doc.documentElement.getAttribute('a')).toBe('1 & 2');
    expect(Array.from(doc.getElementsByTagName('w:t')).map((t) => t.textContent)).toEqual(['<img src=x> 一二', '<b>']);
  });

  it('ends on a cut file instead of looping', () => {
    expect(parseXmlTree('<a><b>text</b><!-- never closed').documentElement.textContent).toBe('text');
    expect(parseXmlTree('<a><b').documentElement.nodeName).toBe('a');
  });
});
