import { describe, expect, it } from 'vitest';
import { memoFreezeIssues, refusedMemoChange } from '../../../shared/memo/freeze';

const exportA = {
  format: 'pdf',
  sha256: 'a'.repeat(64),
  pageSize: 'A4',
  at: '2026-06-11T10:00:00.000Z',
};
const exportB = { ...exportA, format: 'markdown', sha256: 'b'.repeat(64), pageSize: null };

describe('the issued-memo freeze rule', () => {
  it('allows superseding once, growing the exports, and unchanged values', () => {
    expect(
      memoFreezeIssues([
        { field: 'status', old: 'issued', new: 'superseded' },
        { field: 'supersededBy', old: null, new: 2 },
        { field: 'exports', old: [exportA], new: [exportA, exportB] },
        { field: 'subject', old: 'Same', new: 'Same' },
        { field: 'cited', old: { a: [1], b: 2 }, new: { b: 2, a: [1] } },
      ]),
    ).toEqual([]);
  });

  it('refuses every other change, naming the field', () => {
    const issues = memoFreezeIssues([
      { field: 'subject', old: 'Open issues', new: 'Nothing to see' },
      { field: 'content', old: '{}', new: '{"x":1}' },
      { field: 'status', old: 'superseded', new: 'issued' },
      { field: 'supersededBy', old: 2, new: 3 },
      { field: 'exports', old: [exportA, exportB], new: [exportB] },
      { field: 'exports', old: [exportA], new: [{ ...exportA, sha256: 'c'.repeat(64) }] },
      { field: 'deletedAt', old: null, new: '2026-06-12T10:00:00.000Z' },
      { field: 'recipientIds', old: ['x'], new: ['x', 'y'] },
    ]);
    expect(issues.map((i) => i.field)).toEqual([
      'subject',
      'content',
      'status',
      'supersededBy',
      'exports',
      'exports',
      'deletedAt',
      'recipientIds',
    ]);
    expect(issues[0]?.message).toMatch(/issue a new version/);
    expect(issues[6]?.message).toMatch(/cannot be deleted/);
  });

  it('refuses a second create of an issued memo and explains an update it refuses', () => {
    const create = { op: 'create', changes: [{ field: 'subject', old: null, new: 'S' }] };
    expect(refusedMemoChange(create, false)).toBeNull();
    expect(refusedMemoChange(create, true)).toMatch(/already issued/);
    const update = { op: 'update', changes: [{ field: 'subject', old: 'S', new: 'T' }] };
    expect(refusedMemoChange(update, true)).toMatch(/^issued memo: subject cannot change/);
    const supersede = {
      op: 'update',
      changes: [{ field: 'status', old: 'issued', new: 'superseded' }],
    };
    expect(refusedMemoChange(supersede, true)).toBeNull();
  });
});
