import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  createAppProtocolHandler,
  resolveAppProtocolPath,
} from '../../../electron/main/security/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security/csp';

const ROOT = resolve('/srv/workbench/out/renderer');

describe('resolveAppProtocolPath', () => {
  it('serves index.html for the root', () => {
    for (const url of [
      'app://workbench',
      'app://workbench/',
      'app://workbench/?x=1',
      'app://workbench/#/home',
    ]) {
      expect(resolveAppProtocolPath(url, ROOT), url).toBe(join(ROOT, 'index.html'));
    }
  });

  it('maps files and nested assets inside the root', () => {
    expect(resolveAppProtocolPath('app://workbench/index.html', ROOT)).toBe(
      join(ROOT, 'index.html'),
    );
    expect(resolveAppProtocolPath('app://workbench/assets/index-BX3k9.js?v=2', ROOT)).toBe(
      join(ROOT, 'assets', 'index-BX3k9.js'),
    );
    expect(resolveAppProtocolPath('app://workbench/fonts/Inter%20Var.woff2', ROOT)).toBe(
      join(ROOT, 'fonts', 'Inter Var.woff2'),
    );
  });

  it('refuses path traversal in every spelling', () => {
    const hostile = [
      'app://workbench/../package.json',
      'app://workbench/assets/../../main/index.js',
      'app://workbench/%2e%2e/package.json',
      'app://workbench/%2E%2E/%2E%2E/etc/passwd',
      'app://workbench/.%2e/package.json',
      'app://workbench/assets/%2e%2e%2f%2e%2e%2fmain%2findex.js',
      'app://workbench/..%2fpackage.json',
      'app://workbench/..%5cpackage.json',
      'app://workbench/assets%5c..%5c..%5cmain.js',
      'app://workbench/%252e%252e/package.json',
      'app://workbench/./index.html',
      'app://workbench/.env',
      'app://workbench//etc/passwd',
      'app://workbench/%2fetc/passwd',
      'app://workbench/C:/Windows/win.ini',
      'app://workbench/C%3A%5CWindows%5Cwin.ini',
      'app://workbench/index.html%00.png',
      'app://workbench/%E0%A4%A',
      'app://workbench/con',
      'app://workbench/NUL.txt',
      'app://workbench/index.html ',
    ];
    for (const url of hostile) expect(resolveAppProtocolPath(url, ROOT), url).toBeNull();
  });

  it('refuses other schemes, hosts, ports and credentials', () => {
    const hostile = [
      'file:///srv/workbench/out/renderer/index.html',
      'https://workbench/index.html',
      'app://other/index.html',
      'app://workbench.evil/index.html',
      'app://workbenchx/index.html',
      'app://workbench:8080/index.html',
      'app://user:pw@workbench/index.html',
      'app:///index.html',
      'app:workbench/index.html',
      'not a url',
      '',
    ];
    for (const url of hostile) expect(resolveAppProtocolPath(url, ROOT), url).toBeNull();
  });

  it('never returns a path outside the root', () => {
    const samples = [
      'a',
      '..',
      '%2e%2e',
      'assets/..',
      'x/../..',
      '...',
      'a/b/c',
      '%2e',
      '~',
      'a%2f..%2f..',
    ];
    for (const sample of samples) {
      const path = resolveAppProtocolPath(`app://workbench/${sample}`, ROOT);
      if (path !== null)
        expect(path.startsWith(ROOT + '/') || path.startsWith(ROOT + '\\')).toBe(true);
    }
  });
});

describe('createAppProtocolHandler', () => {
  function handlerWith(
    fetchFile = vi.fn(
      async (_path: string) =>
        new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
    ),
  ) {
    return { handler: createAppProtocolHandler({ rootDir: ROOT, fetchFile }), fetchFile };
  }

  it('serves a resolved file with the CSP and nosniff headers', async () => {
    const { handler, fetchFile } = handlerWith();
    const response = await handler(new Request('app://workbench/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(fetchFile).toHaveBeenCalledWith(join(ROOT, 'index.html'));
  });

  it('answers 404 without touching the disk for a refused path', async () => {
    const { handler, fetchFile } = handlerWith();
    const response = await handler(new Request('app://workbench/..%2f..%2fmain%2findex.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(fetchFile).not.toHaveBeenCalled();
  });

  it('keeps URL-canonicalised dot segments inside the root', async () => {
    // Chromium (like WHATWG URL) resolves "%2e%2e" before the handler sees it: it cannot climb out.
    const { handler, fetchFile } = handlerWith();
    await handler(new Request('app://workbench/assets/%2e%2e/%2e%2e/%2e%2e/index.html'));
    expect(fetchFile).toHaveBeenCalledWith(join(ROOT, 'index.html'));
  });

  it('answers 404 for a missing file', async () => {
    const missing = vi.fn(async () => {
      throw new Error('net::ERR_FILE_NOT_FOUND');
    });
    const { handler } = handlerWith(missing);
    expect((await handler(new Request('app://workbench/missing.js'))).status).toBe(404);
    const notOk = vi.fn(async () => new Response('', { status: 500 }));
    expect((await handlerWith(notOk).handler(new Request('app://workbench/x.js'))).status).toBe(
      404,
    );
  });

  it('is read-only', async () => {
    const { handler, fetchFile } = handlerWith();
    const response = await handler(
      new Request('app://workbench/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
    expect(fetchFile).not.toHaveBeenCalled();
  });

  it('answers HEAD without a body', async () => {
    const { handler } = handlerWith();
    const response = await handler(new Request('app://workbench/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
