/** Minimal logger the main-process modules accept, so tests can capture what gets logged. */
export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Logs to the console with a [main] prefix. */
export const consoleLogger: Logger = {
  info: (message, details) => console.info(`[main] ${message}`, details ?? ''),
  warn: (message, details) => console.warn(`[main] ${message}`, details ?? ''),
  error: (message, details) => console.error(`[main] ${message}`, details ?? ''),
};

/** Discards everything (for tests that do not inspect logs). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
