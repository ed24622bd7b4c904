import { describe, expect, it } from 'vitest';
import { Vocabulary, allowedEdits, editDistanceWithin } from '../../../shared/search/vocabulary';

describe('editDistanceWithin', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistanceWithin('runbook', 'runbook', 2)).toBe(0);
    expect(editDistanceWithin('runbok', 'runbook', 2)).toBe(1);
    expect(editDistanceWithin('runbooks', 'runbook', 2)).toBe(1);
    expect(editDistanceWithin('runbaok', 'runbook', 2)).toBe(1);
    expect(editDistanceWithin('rnubook', 'runbook', 2)).toBe(1);
    expect(editDistanceWithin('escalaton', 'escalation', 2)).toBe(1);
    expect(editDistanceWithin('esclaton', 'escalation', 2)).toBe(2);
    expect(editDistanceWithin('', 'abc', 3)).toBe(3);
  });

  it('stops at max + 1 once the distance is known to exceed max', () => {
    expect(editDistanceWithin('esclatn', 'escalation', 2)).toBe(3);
    expect(editDistanceWithin('kitten', 'sitting', 1)).toBe(2);
    expect(editDistanceWithin('a', 'abcdef', 2)).toBe(3);
    expect(editDistanceWithin('abcdef', 'uvwxyz', 1)).toBe(2);
  });

  it('allows one edit up to seven letters and two from eight', () => {
    expect(allowedEdits(5)).toBe(1);
    expect(allowedEdits(7)).toBe(1);
    expect(allowedEdits(8)).toBe(2);
    expect(allowedEdits(20)).toBe(2);
  });
});

describe('Vocabulary', () => {
  it('counts each word once per record and forgets it with its last record', () => {
    const vocabulary = new Vocabulary();
    vocabulary.add(['backup', 'owner', 'backup']);
    vocabulary.add(['backup', 'window']);
    expect(vocabulary.count('backup')).toBe(2);
    expect(vocabulary.count('owner')).toBe(1);
    expect(vocabulary.size).toBe(3);
    vocabulary.remove(['backup', 'owner']);
    expect(vocabulary.count('backup')).toBe(1);
    expect(vocabulary.count('owner')).toBe(0);
    expect(vocabulary.size).toBe(2);
    vocabulary.remove(['nothing']);
    expect(vocabulary.size).toBe(2);
    vocabulary.clear();
    expect(vocabulary.size).toBe(0);
  });

  it('finds the nearest word within the allowed edits, the more frequent on a tie', () => {
    const vocabulary = new Vocabulary();
    vocabulary.add(['batch']);
    vocabulary.add(['match']);
    vocabulary.add(['match']);
    vocabulary.add(['escalation']);
    vocabulary.add(['escalations']);
    expect(vocabulary.nearest('xatch')).toBe('match');
    expect(vocabulary.nearest('batch')).toBe('batch');
    expect(vocabulary.nearest('bacth')).toBe('batch');
    expect(vocabulary.nearest('escalatio')).toBe('escalation');
    expect(vocabulary.nearest('escalatoins')).toBe('escalations');
    expect(vocabulary.nearest('xxtch')).toBeNull();
    expect(vocabulary.nearest('eskalaton')).toBe('escalation');
    expect(vocabulary.nearest('eskalatonn')).toBeNull();
  });
});
