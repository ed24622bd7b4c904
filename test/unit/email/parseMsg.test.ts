import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emailFacts, PENDING_DKIM } from '../../../shared/email/facts';
import { parseEmailFile } from '../../../shared/email/parseEmailFile';
import { buildEmailProposal } from '../../../shared/email/proposal';
import { exhibitVerification } from '../../../shared/memo/exhibits';

/** Genuine Outlook files from npm packages: provenance in test/fixtures/email/README.md. */
const fixture = (name: string) =>
  new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../fixtures/email', name)));

describe('parseMsg on genuine Outlook files', () => {
  it('reads a message Outlook 16.0 sent: sender, recipient, submit time, subject, body', async () => {
    const email = await parseEmailFile('outlook-sent.msg', fixture('outlook-sent.msg'));
    expect(email).toEqual({
      format: 'msg',
      subject: 'asdf',
      from: { name: 'christoph@freiraum.xyz', address: 'christoph@freiraum.xyz' },
      to: [{ name: 'christoph@freiraum.xyz', address: 'christoph@freiraum.xyz' }],
      cc: [],
      // PR_CLIENT_SUBMIT_TIME; its transport headers say "Date: Fri, 23 Mar 2018 17:06:29 +0100".
      sentAt: '2018-03-23T16:06:29.000Z',
      messageId: '',
      inReplyTo: '',
      // The body is a blank line (the message carries only a picture): nothing is made up.
      text: '',
      attachmentNames: ['5AAoPFgV-nJ965R7o-98C38840-4454-4750-9AEF-F53DB3E37548.jpg'],
      hasDkimSignature: false,
    });
  });

  it('proposes what the record shows, and says the DKIM check cannot be made', async () => {
    const email = await parseEmailFile('outlook-sent.msg', fixture('outlook-sent.msg'));
    const proposal = buildEmailProposal({
      email,
      stakeholders: [],
      memos: [],
      raisedIssueId: null,
    });
    expect(proposal).toMatchObject({
      kind: 'acknowledgement',
      at: '2018-03-23T16:06:29.000Z',
      subject: 'asdf',
      sender: { address: 'christoph@freiraum.xyz', stakeholderId: null },
      recipients: [],
      quote: '',
      memo: { status: 'none' },
    });
    // Even when the .eml check would have run, a .msg keeps the headers only.
    const facts = emailFacts(email, PENDING_DKIM);
    expect(facts.dkim.status).toBe('unverifiable');
    expect(facts.dkim.checkedAt).toBeNull();
    expect(facts.dkim.summary).toBe(
      'An Outlook .msg keeps the headers only: its DKIM signature cannot be verified.',
    );
    expect(exhibitVerification(facts.dkim)).toBe('Not verified: Outlook .msg, headers only');
  });

  it('reads an unsent Outlook draft: subject, body, Cc, and no sending time', async () => {
    const email = await parseEmailFile('outlook-draft.msg', fixture('outlook-draft.msg'));
    expect(email).toMatchObject({
      format: 'msg',
      subject: 'Top level email',
      from: null,
      // The To recipients were never resolved (display names only): no address is guessed.
      to: [],
      cc: [
        { name: 'ccsomeoneelse1@gmail.com', address: 'ccsomeoneelse1@gmail.com' },
        { name: 'ccsomeoneelse2@gmail.com', address: 'ccsomeoneelse2@gmail.com' },
      ],
      // A draft was never sent: its delivery time is when it was saved, not a sending time.
      sentAt: null,
      text: 'Top level email text\r\n',
      hasDkimSignature: false,
    });
    expect(email.attachmentNames).toContain('pigeon.jpg');
    expect(emailFacts(email, PENDING_DKIM).dkim.status).toBe('unverifiable');
  });
});
