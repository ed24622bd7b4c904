import { describe, expect, it } from 'vitest';
import { composeMemo, contentFingerprint, sha256Hex } from '../../../shared/memo';
import { sample, sampleMemoOptions } from './fixtures';

describe('fingerprint', () => {
  it('is the SHA-256 of the UTF-8 bytes', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('depends on the content only: same records and options give the same fingerprint', async () => {
    const a = sample();
    const b = sample();
    const first = await composeMemo(a, sampleMemoOptions(a), 'issued');
    const second = await composeMemo(b, sampleMemoOptions(b), 'draft');
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.canonical).toBe(first.canonical);
    expect(first.fingerprint).toBe(await contentFingerprint(JSON.parse(first.canonical)));
    // no instant of export in the canonical content: only the memo's own date
    expect(first.canonical).not.toMatch(/"(exportedAt|generatedAt|now)"/);
  });

  it('changes when a word of the content changes', async () => {
    const data = sample();
    const before = await composeMemo(data, sampleMemoOptions(data), 'issued');
    const issue = data.raisedIssues.find((i) => i.id === before.memo.items[0]?.id);
    if (!issue) throw new Error('no issue');
    issue.recommendation = `${issue.recommendation}!`;
    const after = await composeMemo(data, sampleMemoOptions(data), 'issued');
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });
});
