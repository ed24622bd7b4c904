import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/main/security/webPreferences';

const PRELOAD = '/opt/Engagement Workbench/resources/app.asar/out/preload/index.cjs';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node.js anywhere', () => {
    const prefs = secureWebPreferences(PRELOAD);
    expect(prefs).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('sets no dangerous extras', () => {
    const prefs = secureWebPreferences(PRELOAD) as unknown as Record<string, unknown>;
    for (const key of [
      'enableBlinkFeatures',
      'additionalArguments',
      'nodeIntegrationInSubFrames',
    ]) {
      if (key in prefs) expect(prefs[key]).toBeFalsy();
    }
    expect(Object.keys(prefs)).not.toContain('enableRemoteModule');
  });

  it('allows DevTools only when asked (development)', () => {
    expect(secureWebPreferences(PRELOAD).devTools).toBe(false);
    expect(secureWebPreferences(PRELOAD, { devTools: true }).devTools).toBe(true);
  });

  it('refuses a relative preload path', () => {
    expect(() => secureWebPreferences('out/preload/index.cjs')).toThrow(/absolute/);
    expect(() => secureWebPreferences('./index.cjs')).toThrow(/absolute/);
  });
});
