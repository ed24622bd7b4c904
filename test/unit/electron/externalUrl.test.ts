import { describe, expect, it, vi } from 'vitest';
import {
  isSafeExternalUrl,
  openExternalGuarded,
} from '../../../electron/main/security/externalUrl';

const SAFE = [
  'https://example.com',
  'https://example.com/path?q=1#frag',
  'http://intranet.northwind.local:8080/wiki',
  'https://[2001:db8::1]/',
];

const HOSTILE = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'vbscript:msgbox(1)',
  'file:///C:/Windows/System32/calc.exe',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'smb://attacker.example/share/payload.exe',
  '\\\\attacker.example\\share\\payload.exe',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x&crumb=location:\\\\attacker',
  'app://workbench/index.html',
  'ftp://example.com/file',
  'mailto:dana@example.com',
  'https://user:secret@example.com/',
  'https://user@example.com/',
  'http:///no-host',
  'https:example.com',
  'https:\\\\example.com',
  'https://exa mple.com/',
  'https://example.com/\u0000',
  'https://example.com/\n',
  '//example.com/protocol-relative',
  '/relative/path',
  '',
  `https://example.com/${'a'.repeat(2100)}`,
];

describe('isSafeExternalUrl', () => {
  it('accepts http and https links with a host', () => {
    for (const url of SAFE) expect(isSafeExternalUrl(url), url).toBe(true);
  });

  it('refuses every other scheme, credentials, whitespace and junk', () => {
    for (const url of HOSTILE) expect(isSafeExternalUrl(url), JSON.stringify(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    for (const value of [
      undefined,
      null,
      42,
      {},
      ['https://example.com'],
      new URL('https://example.com'),
    ]) {
      expect(isSafeExternalUrl(value)).toBe(false);
    }
  });
});

describe('openExternalGuarded', () => {
  it('opens a safe link (normalised) and reports it opened', async () => {
    const openExternal = vi.fn(async () => {});
    await expect(openExternalGuarded('HTTPS://Example.COM', openExternal)).resolves.toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('never calls openExternal for a hostile link', async () => {
    const openExternal = vi.fn(async () => {});
    for (const url of HOSTILE)
      await expect(openExternalGuarded(url, openExternal)).resolves.toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('reports not opened when the operating system refuses', async () => {
    const openExternal = vi.fn(async () => {
      throw new Error('No application is registered');
    });
    await expect(openExternalGuarded('https://example.com', openExternal)).resolves.toBe(false);
  });
});
