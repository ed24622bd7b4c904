import { Dialog } from '../../components/Dialog';

/** Asks before a file leaves the app for another program. */
export function OpenWithSystemDialog({
  name,
  onConfirm,
  onClose,
}: {
  name: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      title={`Open “${name}” with another program?`}
      description="The app cannot show this kind of file. A read-only copy is handed to the program your system uses for it; that program may run what the file contains. Programs and scripts are never opened."
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={onConfirm}>
            Open
          </button>
        </>
      }
    >
      <p>Only open files you expect from people you trust.</p>
    </Dialog>
  );
}
