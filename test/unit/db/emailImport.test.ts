import { describe, expect, it } from 'vitest';
import { parseEmailFile } from '../../../shared/email/parseEmailFile';
import type { EmailFacts } from '../../../shared/model/attachment';
import { saveEmailImport, type EmailFile } from '../../../renderer/db/repositories/emailImport';
import { engagementInput, openTestStore } from './helpers';
import { replyEml, utf8 } from '../email/fixtures';

const pending: EmailFacts = {
  format: 'eml',
  subject: 'Re: memo',
  from: 'priya.raman@acme.example',
  to: ['dana@consult.example'],
  sentAt: '2026-03-03T09:15:00.000Z',
  messageId: '<reply-1@acme.example>',
  dkim: { status: 'pending', checkedAt: null, signatures: [], keyRecords: [], summary: '' },
};

async function setup() {
  const ctx = await openTestStore();
  const e = await ctx.store.engagements.create(engagementInput);
  const priya = await ctx.store.stakeholders.create({ engagementId: e.id, name: 'Priya Raman' });
  const issue = await ctx.store.raisedIssues.create({
    engagementId: e.id,
    title: 'Database server disk nearly full',
    raisedToIds: [priya.id],
    raisedAt: '2026-03-02T08:00:00.000Z',
  });
  const bytes = utf8(replyEml());
  const file: EmailFile = {
    fileName: 'reply.eml',
    mediaType: 'message/rfc822',
    bytes,
    email: await parseEmailFile('reply.eml', bytes),
    facts: pending,
  };
  return { ...ctx, e, priya, issue, file };
}

describe('saveEmailImport', () => {
  it('stores the acknowledgement, the original email on it, and the added address together', async () => {
    const { db, store, e, priya, issue, file } = await setup();
    const fingerprint = 'c'.repeat(64);
    // the memo the reply cites, issued in this engagement (a link is checked against it)
    await db.memos.put({
      id: '01900000-0000-7000-8000-000000000777',
      engagementId: e.id,
      memoId: 'NWL-M-2026-004',
      version: 2,
      fingerprint,
      deletedAt: null,
    } as never);
    const attachment = await saveEmailImport(
      store,
      file,
      {
        kind: 'acknowledgement',
        raisedIssueId: issue.id,
        byId: priya.id,
        at: '2026-03-03T09:15:00.000Z',
        quote: 'Received, thank you.',
        response: 'risk_accepted',
        memoId: 'NWL-M-2026-004',
        memoVersion: 2,
        memoFingerprint: fingerprint,
      },
      [{ stakeholderId: priya.id, address: 'priya.raman@acme.example' }],
    );
    const [ack] = await db.acknowledgements.toArray();
    expect(ack).toMatchObject({
      byId: priya.id,
      quote: 'Received, thank you.',
      memoVersion: 2,
      memoFingerprint: fingerprint,
    });
    expect(attachment.target).toEqual({ entity: 'acknowledgement', id: ack?.id });
    expect(attachment.email?.dkim.status).toBe('pending');
    expect(attachment.searchText).toContain('We accept the risk');
    expect((await db.raisedIssues.get(issue.id))?.status).toBe('risk_accepted');
    expect((await db.stakeholders.get(priya.id))?.contact).toBe('priya.raman@acme.example');
  });

  it('stores nothing when a part fails (an unknown stakeholder)', async () => {
    const { db, store, priya, issue, file } = await setup();
    const before = await db.changes.count();
    await expect(
      saveEmailImport(
        store,
        file,
        {
          kind: 'acknowledgement',
          raisedIssueId: issue.id,
          byId: priya.id,
          at: 'not a date',
          quote: '',
          response: 'received',
          memoId: null,
          memoVersion: null,
          memoFingerprint: null,
        },
        [{ stakeholderId: priya.id, address: 'priya.raman@acme.example' }],
      ),
    ).rejects.toThrow();
    expect(await db.acknowledgements.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.attachmentBlobs.count()).toBe(0);
    expect(await db.attachmentData.count()).toBe(0); // staged while hashed, then discarded
    expect((await db.stakeholders.get(priya.id))?.contact).toBe('');
    expect(await db.changes.count()).toBe(before);
  });

  it('creates a raised issue from an email the consultant sent', async () => {
    const { db, store, e, priya, file } = await setup();
    const attachment = await saveEmailImport(store, file, {
      kind: 'raise',
      engagementId: e.id,
      title: 'Backups not tested',
      condition: 'No restore test since 2025.',
      raisedToIds: [priya.id],
      at: '2026-03-03T09:15:00.000Z',
    });
    const created = await db.raisedIssues.get(attachment.target.id);
    expect(created).toMatchObject({ title: 'Backups not tested', channel: 'email' });
  });
});
