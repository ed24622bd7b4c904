import { describe, expect, it } from 'vitest';
import { openableHref } from '../../../shared/notebook/safeLink';
import { isoToLocalInput, localInputToIso } from '../../../shared/notebook/localDateTime';

describe('openableHref (links in notes)', () => {
  it('opens only absolute http(s) and mailto addresses', () => {
    expect(openableHref('https://example.com/runbook')).toBe('https://example.com/runbook');
    expect(openableHref('http://intranet.local/x?y=1')).toBe('http://intranet.local/x?y=1');
    expect(openableHref('mailto:cto@example.com')).toBe('mailto:cto@example.com');
  });

  it('refuses scripts, data, files, relative paths and whitespace tricks', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox',
      '/index.html',
      '#top',
      'https://exa mple.com',
      'https://example.com/\u0000',
      '',
      null,
      undefined,
    ]) {
      expect(openableHref(bad)).toBeNull();
    }
  });
});

describe('date-time form values', () => {
  it('round-trips an instant through the local input format', () => {
    const iso = '2026-03-02T09:15:00.000Z';
    const local = isoToLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(localInputToIso(local)).toBe(iso);
  });

  it('refuses what is not a date and time', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('2026-13-45T99:99')).toBeNull();
    expect(localInputToIso('yesterday')).toBeNull();
    expect(isoToLocalInput(null)).toBe('');
    expect(isoToLocalInput('not a date')).toBe('');
  });
});
