import { useState } from 'react';
import { LOGO_MAX_BYTES, checkLogo } from '@shared/memo/logo';

/** The file as a data URL (FileReader: the renderer reads the file the user picked, nothing else). */
function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/**
 * The letterhead logo: a PNG or JPEG up to 200 KB, checked by its bytes before it is kept
 * (SVG is refused: it can carry script). Shows the chosen image, with a button to remove it.
 */
export function LogoField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (dataUrl: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const pick = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    if (file.size > LOGO_MAX_BYTES) {
      setError(`The logo must be at most ${LOGO_MAX_BYTES / 1024} KB.`);
      return;
    }
    try {
      const checked = checkLogo(await readAsDataUrl(file));
      if (!checked.ok) setError(`The logo ${checked.reason}.`);
      else onChange(await readAsDataUrl(file));
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The file could not be read.');
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>Logo on memos (PNG or JPEG, up to 200 KB)</label>
      {value !== '' ? (
        <div className="logo-field-preview">
          <img src={value} alt="Current letterhead logo" style={{ maxHeight: 48, maxWidth: 200 }} />
          <button type="button" className="button" onClick={() => onChange('')}>
            Remove logo
          </button>
        </div>
      ) : null}
      <input
        id={id}
        type="file"
        accept="image/png,image/jpeg"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => void pick(e.currentTarget.files?.[0])}
      />
      {error ? (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
