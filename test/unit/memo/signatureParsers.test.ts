// The signature readers on generated and hostile input: the Markdown block splitter and the PDF
// entry reader / update writer (properties with a fixed seed), and files built to make a naive
// scanner quadratic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendPdfSignature, inspectSignedPdf } from '../../../shared/memo/pdfSignature';
import {
  SIGNATURE_FENCE,
  appendSignatureBlock,
  normaliseMarkdown,
  splitMarkdownSignature,
} from '../../../shared/memo/signedManifest';
import { readPdfTextEntry } from '../../../shared/memo/verify';
import { fuzz, fuzzTimeout } from '../fuzz';
import { chromiumPdf } from './signing';

const SIG = `${'A'.repeat(86)}==`;
const latin1 = (bytes: Uint8Array): string => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
};

describe('Markdown signature block', () => {
  it('splits back the body and the manifest it was appended to, whatever the body', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.json(), (body, json) => {
        const text = JSON.stringify(json);
        const signed = { text, signature: SIG };
        const split = splitMarkdownSignature(appendSignatureBlock(body, signed));
        expect(split?.signed).toEqual(signed);
        expect(normaliseMarkdown(split?.body ?? '')).toBe(normaliseMarkdown(body));
      }),
      fuzz(300),
    );
  });

  it('anything but blank lines after the block voids it', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }).filter((t) => t.trim() !== ''),
        (tail) => {
          const file = `${appendSignatureBlock('# Memo', { text: '{}', signature: SIG })}${tail}\n`;
          expect(splitMarkdownSignature(file)).toBeNull();
        },
      ),
      fuzz(200),
    );
  });

  it('reads a file of 200,000 fences and a 2 MB line in one pass', () => {
    const fences = `${SIGNATURE_FENCE}\n`.repeat(200_000);
    expect(splitMarkdownSignature(fences)).toBeNull();
    const long = `${'`'.repeat(2_000_000)}\n${SIGNATURE_FENCE}\n{}\ned25519 ${SIG}\n\`\`\`\n`;
    expect(splitMarkdownSignature(long)?.signed.text).toBe('{}');
  });
});

describe('PDF signature entries', () => {
  it('any manifest text survives the Info update and reads back exactly', async () => {
    const pdf = await chromiumPdf();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        async (manifest, statement) => {
          const entries = {
            manifest: { text: manifest, signature: SIG },
            pdfExport: { text: statement, signature: SIG },
          };
          const signed = appendPdfSignature(pdf, entries);
          const facts = await inspectSignedPdf(signed);
          expect(facts?.entries).toEqual(entries);
        },
      ),
      fuzz(100),
    );
  });

  it(
    'reads 5 MB of unclosed entries and of near-entries without going quadratic',
    async () => {
      const unclosed = `%PDF-1.4\n${'/EWSMemoManifest ('.repeat(300_000)}`;
      expect(readPdfTextEntry(unclosed, 'EWSMemoManifest', 'last')).toBeNull();
      const hex = `%PDF-1.4\n${'/EWSPdfExport <FEFF0041'.repeat(250_000)}`;
      expect(readPdfTextEntry(hex, 'EWSPdfExport', 'last')).toBeNull();
      const bytes = Uint8Array.from(`${unclosed}${hex}`, (c) => c.charCodeAt(0));
      expect(await inspectSignedPdf(bytes)).toBeNull();
    },
    fuzzTimeout(20_000),
  );

  it('a PDF whose only trailer is missing or odd cannot be signed, and says so', async () => {
    const pdf = await chromiumPdf();
    const text = latin1(pdf);
    const cut = Uint8Array.from(text.slice(0, text.lastIndexOf('trailer')), (c) => c.charCodeAt(0));
    const entries = {
      manifest: { text: '{}', signature: SIG },
      pdfExport: { text: '{}', signature: SIG },
    };
    expect(() => appendPdfSignature(cut, entries)).toThrow(/no document information/);
    expect(() => appendPdfSignature(new Uint8Array(0), entries)).toThrow();
  });
});
