import type { WorkbenchDB } from '../database';

/** Who is writing and when: shared by every repository of one store. */
export interface WriteContext {
  /** The open database. */
  db: WorkbenchDB;
  /** This device's id (settings.deviceId); stamps every change record. */
  deviceId: string;
  /** This device's name, copied onto change records for the history screen. */
  deviceName?: string;
  /** The consultant's name, copied onto change records. */
  actor?: string;
  /** The wall clock (injectable for tests). */
  now: () => Date;
  /**
   * SHA-256 of an attachment's bytes off the window's thread (the app passes a worker); absent:
   * WebCrypto on the calling thread (tests, workers).
   */
  hashBlob?: (blob: Blob) => Promise<string>;
}
