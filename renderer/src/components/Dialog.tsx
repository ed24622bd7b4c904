import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  description?: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** Wraps body and footer in a form so Enter submits and the submit button works. */
  onSubmit?: () => void;
  /** A wider dialog for long forms (default: regular). */
  size?: 'regular' | 'wide';
}

/** The element focus should go to when a dialog opens: the marked field, else the native choice. */
function focusFirst(dialog: HTMLDialogElement): void {
  dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
}

/**
 * Brings the field that just took focus wholly into the dialog's scrolling body: the browser
 * scrolls only until an edge shows, which leaves a tall field (a textarea) under the footer.
 */
function revealFocused(body: HTMLElement, target: EventTarget): void {
  if (!(target instanceof HTMLElement) || target === body) return;
  const field = target.getBoundingClientRect();
  const view = body.getBoundingClientRect();
  if (field.top >= view.top && field.bottom <= view.bottom) return;
  target.scrollIntoView({ block: field.height > view.height ? 'start' : 'nearest' });
}

/**
 * Returns focus to the element that opened the dialog. If that element is gone, or goes once the
 * dialog's action renders (the empty state's "Create engagement" once the engagement exists, a
 * deleted row's button), focus goes to the page's marked heading as soon as it is there, so a
 * keyboard user never lands on the document body.
 */
function returnFocus(opener: HTMLElement | null): void {
  if (opener?.isConnected) opener.focus();
  const onBody = () => !document.activeElement || document.activeElement === document.body;
  const settle = (): boolean => {
    const active = document.activeElement;
    if (active && active !== document.body && active !== opener) return true; // moved on
    if (!onBody()) return false; // still on the opener: it may yet be removed
    if (opener?.isConnected) return true; // the opener is there: the user moved focus away
    const target = document.querySelector<HTMLElement>('[data-focus-return]');
    target?.focus();
    return target !== null;
  };
  if (settle()) return;
  const observer = new MutationObserver(() => {
    if (settle()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  // Not forever: the screen has settled long before this.
  window.setTimeout(() => observer.disconnect(), 10_000);
}

/**
 * A modal built on the native <dialog> element: focus is trapped, Escape closes it, and focus
 * returns to where it was when the dialog closes (else to the page heading). Header and footer
 * stay put while the body scrolls, so the main action is always in view.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
  footer,
  onSubmit,
  size = 'regular',
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    if (dialog) focusFirst(dialog);
    return () => {
      dialog?.close();
      returnFocus(opener);
    };
  }, []);

  const content = (
    <>
      <div className="dialog-body" onFocus={(e) => revealFocused(e.currentTarget, e.target)}>
        {children}
      </div>
      {footer ? <div className="dialog-footer">{footer}</div> : null}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        {description ? <p id={descriptionId}>{description}</p> : null}
      </div>
      {onSubmit ? (
        <form
          className="dialog-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {content}
        </form>
      ) : (
        content
      )}
    </dialog>
  );
}
