import { Dialog } from '../../components/Dialog';
import { useUiStore } from '../../state/uiStore';
import { SHORTCUTS } from '../../app/shortcuts';

/** Lists every keyboard shortcut. */
export function ShortcutsDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={closeDialog}
      footer={
        <button type="button" className="button button-primary" onClick={closeDialog}>
          Close
        </button>
      }
    >
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.label}>
              <td>{s.label}</td>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
