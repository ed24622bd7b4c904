import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth/lib/dkim/sign';

/** A one-page PDF whose page says `text` (Helvetica), with a correct xref table. */
export function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The tests' own DKIM key for the sample client's domain, and its TXT record. */
export function clientDkimKey() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const txt = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
  return {
    name: 'mail._domainkey.northwind-learning.example',
    txt,
    async sign(raw: string): Promise<string> {
      const { signatures } = await dkimSign(raw, {
        signatureData: [
          {
            signingDomain: 'northwind-learning.example',
            selector: 'mail',
            privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
          },
        ],
      } as Parameters<typeof dkimSign>[1]);
      return signatures + raw;
    },
  };
}

/** Victor Hale's reply to the disk-space issue, quoting the consultant's email. */
export function victorReply(): string {
  return [
    'From: Victor Hale <victor.hale@northwind-learning.example>',
    'To: Dana Whitfield <dana@consult.example>',
    'Subject: Re: Disk on the reporting server',
    'Date: Wed, 02 Dec 2026 09:30:00 +0000',
    'Message-ID: <victor-1@northwind-learning.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Agreed. Move the backup rotations this week; I will name an owner for the disk.',
    '',
    'Victor',
    '',
    'On Tue, 1 Dec 2026 at 17:00, Dana Whitfield <dana@consult.example> wrote:',
    '> The disk on the reporting server is 97% full.',
    '',
  ].join('\r\n');
}
