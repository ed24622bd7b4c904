import { describe, expect, it, vi } from 'vitest';
import {
  ALLOWED_PERMISSIONS,
  createPermissionHandlers,
  isPermissionAllowed,
} from '../../../electron/main/security/permissions';

const TRUSTED = ['app://workbench'];
const APP_PAGE = 'app://workbench/index.html';
const DENIED = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'openExternal',
  'fullscreen',
  'display-capture',
  'hid',
  'serial',
  'usb',
  'midiSysex',
  'unknown',
];

describe('isPermissionAllowed', () => {
  it('grants only persistent storage', () => {
    expect([...ALLOWED_PERMISSIONS]).toEqual(['persistent-storage']);
    expect(isPermissionAllowed('persistent-storage', APP_PAGE, TRUSTED)).toBe(true);
    for (const permission of DENIED)
      expect(isPermissionAllowed(permission, APP_PAGE, TRUSTED), permission).toBe(false);
  });

  it('grants nothing to other origins', () => {
    for (const url of [
      undefined,
      '',
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://workbench.evil/',
    ]) {
      expect(isPermissionAllowed('persistent-storage', url, TRUSTED)).toBe(false);
    }
  });
});

describe('createPermissionHandlers', () => {
  const handlers = createPermissionHandlers(TRUSTED);

  it('answers requests: persistent storage for the app page, nothing else', () => {
    const callback = vi.fn();
    handlers.permissionRequestHandler({}, 'persistent-storage', callback, {
      requestingUrl: APP_PAGE,
      isMainFrame: true,
    });
    for (const permission of DENIED) {
      handlers.permissionRequestHandler({}, permission, callback, {
        requestingUrl: APP_PAGE,
        isMainFrame: true,
      });
    }
    expect(callback.mock.calls.map(([granted]) => granted)).toEqual([
      true,
      ...DENIED.map(() => false),
    ]);
  });

  it('denies sub-frames, other origins and requests without details', () => {
    const callback = vi.fn();
    handlers.permissionRequestHandler({}, 'persistent-storage', callback, {
      requestingUrl: APP_PAGE,
      isMainFrame: false,
    });
    handlers.permissionRequestHandler({}, 'persistent-storage', callback, {
      requestingUrl: 'https://evil.example/',
      isMainFrame: true,
    });
    handlers.permissionRequestHandler({}, 'persistent-storage', callback);
    expect(callback.mock.calls).toEqual([[false], [false], [false]]);
  });

  it('answers checks the same way', () => {
    expect(
      handlers.permissionCheckHandler(null, 'persistent-storage', 'app://workbench', {
        isMainFrame: true,
      }),
    ).toBe(true);
    expect(
      handlers.permissionCheckHandler(null, 'persistent-storage', 'app://workbench', {
        isMainFrame: false,
      }),
    ).toBe(false);
    expect(
      handlers.permissionCheckHandler(null, 'persistent-storage', 'https://evil.example', {}),
    ).toBe(false);
    for (const permission of DENIED) {
      expect(
        handlers.permissionCheckHandler(null, permission, 'app://workbench', { isMainFrame: true }),
      ).toBe(false);
    }
  });

  it('never grants device access', () => {
    expect(handlers.devicePermissionHandler()).toBe(false);
  });
});
