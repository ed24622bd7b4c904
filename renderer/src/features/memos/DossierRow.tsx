import { softDisabled } from '../../lib/softDisabled';

export type DossierKind = 'stakeholder' | 'risk';

interface DossierRowProps {
  kind: DossierKind;
  /** The records a dossier can be made of (their id and the name shown). */
  choices: readonly { id: string; label: string }[];
  /** The chosen record's id, '' for none. */
  value: string;
  onChange: (id: string) => void;
  /** An export is running: the buttons say so instead of starting another. */
  busy: boolean;
  onExport: (format: 'md' | 'pdf') => void;
}

/** One row of the Dossiers panel: choose a stakeholder (or a risk), export its dossier. */
export function DossierRow({ kind, choices, value, onChange, busy, onExport }: DossierRowProps) {
  const name = kind === 'stakeholder' ? 'Stakeholder' : 'Risk';
  return (
    <div className="memo-dossier-row">
      <label>
        {name}{' '}
        <select
          aria-label={`Dossier ${kind}`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">Choose…</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {(['md', 'pdf'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="button button-ghost"
          disabled={value === ''}
          {...softDisabled(busy, () => onExport(format))}
        >
          {name} dossier ({format === 'md' ? 'Markdown' : 'PDF'})
        </button>
      ))}
    </div>
  );
}
