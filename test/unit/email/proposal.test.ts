import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressesIn } from '../../../shared/email/addresses';
import { findMemoCitation } from '../../../shared/email/memoCitation';
import { parseEmailFile } from '../../../shared/email/parseEmailFile';
import { buildEmailProposal, type IssuedMemoRef } from '../../../shared/email/proposal';
import { acknowledgementRequestText } from '../../../shared/memo/ackRequest';
import { FINGERPRINT, replyEml, utf8 } from './fixtures';

const PRIYA = '0195a000-0000-7000-8000-0000000000a1';
const OPS = '0195a000-0000-7000-8000-0000000000a2';
const ISSUE = '0195a000-0000-7000-8000-0000000000b1';
const ISSUE2 = '0195a000-0000-7000-8000-0000000000b2';
const MEMO = '0195a000-0000-7000-8000-0000000000c1';

const stakeholders = [
  { id: PRIYA, name: 'Priya Raman', contact: 'priya.raman@acme.example, +44 20 7946 0000' },
  { id: OPS, name: 'Operations desk', contact: 'mailto:ops@acme.example' },
];
const memos: IssuedMemoRef[] = [
  {
    id: MEMO,
    memoId: 'NWL-M-2026-004',
    version: 2,
    fingerprint: FINGERPRINT,
    itemIssueIds: [ISSUE, ISSUE2],
  },
];

describe('buildEmailProposal', () => {
  it("proposes an acknowledgement from a known sender with the reply's own words, linked to the cited memo", async () => {
    const email = await parseEmailFile('r.eml', utf8(replyEml()));
    const p = buildEmailProposal({ email, stakeholders, memos, raisedIssueId: null });
    expect(p.kind).toBe('acknowledgement');
    expect(p.sender).toMatchObject({ address: 'priya.raman@acme.example', stakeholderId: PRIYA });
    expect(p.quote).toBe(
      'Received, thank you. We accept the risk on item 2 until the upgrade in April.\n\nPriya',
    );
    expect(p.at).toBe('2026-03-03T09:15:00.000Z');
    expect(p.memo).toEqual({
      status: 'linked',
      citation: { memoId: 'NWL-M-2026-004', version: 2, fingerprint: FINGERPRINT },
      memoRecordId: MEMO,
      fingerprintChecked: true,
    });
    expect(p.raisedIssueIds).toEqual([ISSUE, ISSUE2]);
    expect(p.recipients.map((r) => [r.address, r.stakeholderId])).toEqual([
      ['dana@consult.example', null],
      ['ops@acme.example', OPS],
    ]);
    expect(p.warnings).toEqual([]);
  });

  it('uses the issue it was dropped on, and refuses to link a memo whose fingerprint differs', async () => {
    const email = await parseEmailFile('r.eml', utf8(replyEml()));
    const other = [{ ...memos[0]!, fingerprint: 'cd'.repeat(32) }];
    const p = buildEmailProposal({ email, stakeholders, memos: other, raisedIssueId: ISSUE });
    expect(p.memo.status).toBe('mismatch');
    expect(p.raisedIssueIds).toEqual([ISSUE]);
    expect(p.warnings.join(' ')).toMatch(/fingerprint that does not match.*not linked/);
  });

  it('offers to add an unknown address to the stakeholder of the same name', async () => {
    const email = await parseEmailFile(
      'r.eml',
      utf8(replyEml({ from: 'Priya Raman <priya@home.example>' })),
    );
    const p = buildEmailProposal({ email, stakeholders, memos, raisedIssueId: ISSUE });
    expect(p.sender).toMatchObject({ stakeholderId: null, suggestedStakeholderId: PRIYA });
    expect(p.warnings).toContain('The sender priya@home.example is not a known stakeholder.');
  });

  it("proposes a raise for an email from the consultant's own address", async () => {
    const email = await parseEmailFile(
      'r.eml',
      utf8(replyEml({ from: 'dana@consult.example', body: 'Please note the disk is at 97%.' })),
    );
    const p = buildEmailProposal({
      email,
      stakeholders,
      memos,
      raisedIssueId: ISSUE,
      ownAddresses: ['Dana@Consult.example'],
    });
    expect(p.kind).toBe('raise');
    expect(p.quote).toBe('');
    expect(p.recipients.map((r) => r.stakeholderId)).toEqual([OPS]);
  });
});

describe('findMemoCitation', () => {
  it('finds the citation the acknowledgement request writes, wrapped and quoted', () => {
    const request = acknowledgementRequestText(
      {
        header: {
          memoId: 'NWL-M-2026-004',
          version: 3,
          date: '2026-03-02',
          subject: 'Disk',
          to: [{ name: 'Priya' }],
          fromName: 'Dana',
          fromFirm: '',
        },
        items: [],
      } as unknown as Parameters<typeof acknowledgementRequestText>[0],
      { fingerprint: FINGERPRINT },
    );
    const quoted = request
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n');
    expect(findMemoCitation(quoted)).toEqual({
      memoId: 'NWL-M-2026-004',
      version: 3,
      fingerprint: FINGERPRINT,
    });
    expect(findMemoCitation('see memo NWL-M-2026-004 soon')).toBeNull();
  });

  it('never throws and only returns well-formed citations (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const c = findMemoCitation(`memo ${text} version 2 ${text}`);
        if (c) expect(c.memoId).toMatch(/^[A-Z0-9]{2,8}-M-\d{4}-\d{3,}$/);
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});

describe('addressesIn', () => {
  it('finds addresses in a free-text contact field', () => {
    expect(addressesIn('Priya <Priya@Acme.example>; +44 1; mailto:ops@acme.example.')).toEqual([
      'priya@acme.example',
      'ops@acme.example',
    ]);
    expect(addressesIn('no address @ here, a@b')).toEqual([]);
  });
});
