import { fileExtension } from '../attachments/fileName';

/** Whether a file is an email the app can read, by its name (no parser loaded: window-safe). */
export function isEmailFileName(name: string): boolean {
  const ext = fileExtension(name);
  return ext === 'eml' || ext === 'msg';
}
