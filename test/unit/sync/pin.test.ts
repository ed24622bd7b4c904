import { describe, expect, it } from 'vitest';
import type { FormatFile } from '../../../shared/sync/format';
import { nextPin, pinMismatch, pinTurnedOff, type FolderPin } from '../../../shared/sync/pin';

const format: FormatFile = {
  format: 'engagement-workbench-sync',
  version: 3,
  minReaderVersion: 3,
  folderId: 'f1',
  createdAt: '2026-03-02T09:00:00.000Z',
  recoveryKey: 'R',
};

describe('folder pin', () => {
  it('refuses another folder, an older format, another recovery key; accepts the same or newer', () => {
    const pin = nextPin(undefined, { format, version: 3, encrypted: false, formatText: 'x' });
    expect(pinMismatch(undefined, format)).toBeNull();
    expect(pinMismatch(pin, format)).toBeNull();
    expect(pinMismatch(pin, { ...format, version: 4 })).toBeNull();
    expect(pinMismatch(pin, { ...format, folderId: 'f2' })).toMatch(/another sync folder/);
    expect(pinMismatch(pin, { ...format, version: 2 })).toMatch(/weaker format/);
    expect(pinMismatch(pin, { ...format, recoveryKey: 'S' })).toMatch(/recovery key changed/);
    const { recoveryKey: _none, ...unsigned } = format;
    expect(pinMismatch(pin, unsigned)).toMatch(/recovery key changed/);
  });

  it('only ever strengthens: encrypted, key check, version and first format.json stay', () => {
    let pin: FolderPin = nextPin(undefined, {
      format,
      version: 3,
      encrypted: true,
      keyCheck: 'K',
      formatText: 'first',
    });
    pin = nextPin(pin, { format, version: 2, encrypted: false, formatText: 'second' });
    expect(pin).toEqual({
      folderId: 'f1',
      version: 3,
      recoveryKey: 'R',
      encrypted: true,
      keyCheck: 'K',
      formatText: 'first',
    });
  });

  it('turned off only by a decision: the key retired, then kept by later rounds; a new key encrypts again', () => {
    const encrypted = nextPin(undefined, {
      format,
      version: 3,
      encrypted: true,
      keyCheck: 'K',
      formatText: 'first',
    });
    const off = pinTurnedOff(encrypted, { keyCheck: 'K', keysHash: 'H' });
    expect(off).toEqual({
      folderId: 'f1',
      version: 3,
      recoveryKey: 'R',
      encrypted: false,
      formatText: 'first',
      offKeyCheck: 'K',
      offKeysHash: 'H',
    });
    expect(nextPin(off, { format, version: 3, encrypted: false, formatText: 'x' })).toEqual(off);
    const again = nextPin(off, {
      format,
      version: 3,
      encrypted: true,
      keyCheck: 'N',
      formatText: 'x',
    });
    expect(again).toMatchObject({ encrypted: true, keyCheck: 'N', offKeyCheck: 'K' });
  });
});
