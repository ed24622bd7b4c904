import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  hardenWebContents,
  type HardenableWebContents,
} from '../../../electron/main/security/hardenWebContents';
import {
  createWindowOpenHandler,
  shouldAllowNavigation,
} from '../../../electron/main/security/navigation';

const APP = 'app://workbench';

describe('shouldAllowNavigation', () => {
  it('allows navigation within the app origin', () => {
    expect(shouldAllowNavigation('app://workbench/index.html', APP)).toBe(true);
    expect(shouldAllowNavigation('app://workbench/index.html#/settings', APP)).toBe(true);
    expect(shouldAllowNavigation('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
  });

  it('denies navigation anywhere else', () => {
    const targets = [
      'https://example.com/',
      'http://localhost:5173/',
      'app://workbench.evil/',
      'app://other/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,x',
      'about:blank',
      'not a url',
      '',
    ];
    for (const target of targets) expect(shouldAllowNavigation(target, APP), target).toBe(false);
  });

  it('denies everything when the app origin itself is unusable', () => {
    expect(shouldAllowNavigation('file:///x', 'file:///x')).toBe(false);
  });
});

describe('createWindowOpenHandler', () => {
  it('always denies, and hands http(s) links to the browser', async () => {
    const openExternal = vi.fn(async () => {});
    const handler = createWindowOpenHandler(openExternal);
    expect(handler({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(openExternal).toHaveBeenCalledWith('https://example.com/docs'));
  });

  it('denies and opens nothing for other schemes or app pages', async () => {
    const openExternal = vi.fn(async () => {});
    const handler = createWindowOpenHandler(openExternal);
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://workbench/index.html',
      'about:blank',
      'smb://x/y',
    ]) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(openExternal).not.toHaveBeenCalled();
  });
});

class FakeWebContents extends EventEmitter implements HardenableWebContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits a cancellable event like Electron does; returns whether it was prevented. */
  fire(name: string, url = ''): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

describe('hardenWebContents', () => {
  function harden() {
    const contents = new FakeWebContents();
    const openExternal = vi.fn(async () => {});
    hardenWebContents(contents, { appOrigin: APP, openExternal });
    return { contents, openExternal };
  }

  it('lets in-app navigation through', () => {
    const { contents } = harden();
    expect(contents.fire('will-navigate', 'app://workbench/index.html')).toBe(false);
  });

  it('stops navigation away from the app and opens http(s) links in the browser', async () => {
    const { contents, openExternal } = harden();
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    await vi.waitFor(() => expect(openExternal).toHaveBeenCalledWith('https://example.com/'));
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('stops redirects away from the app without opening anything', () => {
    const { contents, openExternal } = harden();
    expect(contents.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses every <webview>', () => {
    const { contents } = harden();
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('installs a window-open handler that denies', () => {
    const { contents } = harden();
    expect(contents.windowOpenHandler?.({ url: 'app://workbench/index.html' })).toEqual({
      action: 'deny',
    });
  });
});
