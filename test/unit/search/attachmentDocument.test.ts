import { describe, expect, it } from 'vitest';
import { toSearchDocument } from '../../../shared/search/searchDocument';
import { ENG, A, B, scoped, T } from '../model/fixtures';

const attachment = {
  ...scoped(A),
  target: { entity: 'raisedIssue', id: B },
  fileName: 'capacity-report.pdf',
  mediaType: 'application/pdf',
  size: 10,
  sha256: 'a'.repeat(64),
  addedBy: '',
  addedAt: T,
  supersedes: null,
  searchText: 'Volume /data at 97 percent',
  email: null,
};

describe('attachment search documents', () => {
  it('searches the file name and the text taken from the file, and opens the target', () => {
    const doc = toSearchDocument('attachment', attachment);
    expect(doc).toMatchObject({
      entity: 'attachment',
      engagementId: ENG,
      title: 'capacity-report.pdf',
      parentId: B,
    });
    expect(doc?.body).toContain('97 percent');
  });

  it("searches an email's subject and addresses", () => {
    const doc = toSearchDocument('attachment', {
      ...attachment,
      email: { subject: 'Re: disk space', from: 'cto@acme.example', to: ['dana@consult.example'] },
    });
    expect(doc?.body).toContain('Re: disk space');
    expect(doc?.body).toContain('cto@acme.example');
  });

  it('drops a deleted attachment', () => {
    expect(toSearchDocument('attachment', { ...attachment, deletedAt: T })).toBeNull();
  });
});
