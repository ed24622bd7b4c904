/** Builders of test emails (CRLF line ends, as mail servers store them). */
export const crlf = (lines: readonly string[]) => lines.join('\r\n');
export const utf8 = (text: string) => new TextEncoder().encode(text);

export const FINGERPRINT = 'ab'.repeat(32);

/** A client's reply to the acknowledgement request, quoting it. */
export function replyEml(options: { from?: string; body?: string } = {}): string {
  return crlf([
    `From: ${options.from ?? 'Priya Raman <Priya.Raman@acme.example>'}`,
    'To: Dana Whitfield <dana@consult.example>',
    'Cc: ops@acme.example',
    'Subject: Re: Please confirm receipt: memo NWL-M-2026-004, version 2',
    'Date: Tue, 03 Mar 2026 10:15:00 +0100',
    'Message-ID: <reply-1@acme.example>',
    'In-Reply-To: <req-1@consult.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    ...(
      options.body ??
      [
        'Received, thank you. We accept the risk on item 2 until the upgrade in April.',
        '',
        'Priya',
        '',
        'On Mon, 2 Mar 2026 at 09:00, Dana Whitfield <dana@consult.example> wrote:',
        '> Please confirm that you received memo NWL-M-2026-004, version 2, dated 2026-03-02',
        `> ("Disk space"), content fingerprint SHA-256 ${FINGERPRINT}.`,
      ].join('\r\n')
    ).split('\r\n'),
    '',
  ]);
}

/** A multipart email with `parts` text parts. */
export function manyPartsEml(parts: number): string {
  const lines = [
    'From: a@acme.example',
    'To: b@consult.example',
    'Subject: parts',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
  ];
  for (let i = 0; i < parts; i += 1) {
    lines.push('--b', 'Content-Type: text/plain', '', `part ${i}`);
  }
  lines.push('--b--', '');
  return crlf(lines);
}
