import { describe, expect, it } from 'vitest';
import { originOf } from '../../../electron/main/security/origin';
import { isTrustedSender, senderUrlOfFrame } from '../../../electron/main/security/trustedSender';

const PROD = ['app://workbench'];
const DEV = ['app://workbench', 'http://localhost:5173'];

describe('originOf', () => {
  it('gives scheme://host for standard and custom schemes', () => {
    expect(originOf('app://workbench/index.html')).toBe('app://workbench');
    expect(originOf('APP://WORKBENCH/x')).toBe('app://workbench');
    expect(originOf('http://127.0.0.1:4173/index.html?x#y')).toBe('http://127.0.0.1:4173');
  });

  it('has no origin for opaque, hostless or credentialed URLs', () => {
    for (const url of [
      'file:///etc/passwd',
      'about:blank',
      'data:text/html,hi',
      'javascript:alert(1)',
      'not a url',
      '',
      null,
      undefined,
      'app://user:pw@workbench/',
    ]) {
      expect(originOf(url)).toBeNull();
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts the app origin in production', () => {
    expect(isTrustedSender('app://workbench/index.html', PROD)).toBe(true);
    expect(isTrustedSender('app://workbench/', PROD)).toBe(true);
  });

  it('trusts the dev server only when it is passed in', () => {
    expect(isTrustedSender('http://localhost:5173/', PROD)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', DEV)).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', DEV)).toBe(false);
    expect(isTrustedSender('https://localhost:5173/', DEV)).toBe(false);
  });

  it('trusts the harness origin it is given', () => {
    expect(isTrustedSender('http://127.0.0.1:41234/index.html', ['http://127.0.0.1:41234'])).toBe(
      true,
    );
    expect(isTrustedSender('http://127.0.0.1:41235/index.html', ['http://127.0.0.1:41234'])).toBe(
      false,
    );
  });

  it('refuses everything else', () => {
    const hostile = [
      undefined,
      null,
      '',
      'about:blank',
      'file:///home/dana/evil.html',
      'data:text/html,<script>1</script>',
      'https://evil.example/',
      'app://workbench.evil.example/',
      'app://evilworkbench/',
      'app://workbench:8080/',
      'app://attacker@workbench/',
      'http://workbench/',
      'chrome-extension://workbench/',
      'devtools://devtools/bundled/inspector.html',
      'blob:app://workbench/0b6c',
    ];
    for (const url of hostile) expect(isTrustedSender(url, DEV), String(url)).toBe(false);
  });

  it('refuses everything when nothing is trusted', () => {
    expect(isTrustedSender('app://workbench/index.html', [])).toBe(false);
  });
});

describe('senderUrlOfFrame', () => {
  it('gives the URL of a top-level frame', () => {
    expect(senderUrlOfFrame({ url: 'app://workbench/index.html', parent: null })).toBe(
      'app://workbench/index.html',
    );
  });

  it('gives nothing for a missing frame or a sub-frame', () => {
    expect(senderUrlOfFrame(null)).toBeUndefined();
    expect(senderUrlOfFrame(undefined)).toBeUndefined();
    expect(senderUrlOfFrame({ url: 'app://workbench/index.html', parent: {} })).toBeUndefined();
  });
});
