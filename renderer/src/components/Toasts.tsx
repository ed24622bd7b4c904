import { useEffect, useRef, useState } from 'react';
import { useUiStore } from '../state/uiStore';
import type { Toast } from '../state/toastSlice';
import { toastLiveProps } from './toastLive';
import { nextToastPlacement, type ToastPlacement } from './toastPlacement';

const TOAST_MS = 6000;

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useUiStore((s) => s.dismissToast);
  useEffect(() => {
    if (toast.tone === 'error') return undefined;
    const timer = window.setTimeout(() => dismiss(toast.id), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast.id, toast.tone, dismiss]);

  return (
    <div className={`toast toast-${toast.tone}`} {...toastLiveProps(toast)}>
      <span className="toast-message">{toast.message}</span>
      {toast.action ? (
        <button
          type="button"
          className="button button-ghost"
          onClick={() => {
            dismiss(toast.id);
            void toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button
        type="button"
        className="button button-ghost"
        aria-label="Dismiss"
        onClick={() => dismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

/** Live region for short confirmations and errors; it moves aside from what has focus. */
export function Toasts() {
  const toasts = useUiStore((s) => s.toasts);
  const ref = useRef<HTMLDivElement>(null);
  const [placement, setPlacement] = useState<ToastPlacement>('bottom');
  useEffect(() => {
    const check = () => {
      const stack = ref.current;
      const active = document.activeElement;
      if (!stack || stack.childElementCount === 0 || !(active instanceof HTMLElement)) return;
      if (active === document.body || stack.contains(active)) return;
      setPlacement((current) =>
        nextToastPlacement(
          current,
          stack.getBoundingClientRect(),
          active.getBoundingClientRect(),
          window.innerHeight,
        ),
      );
    };
    check();
    document.addEventListener('focusin', check);
    return () => document.removeEventListener('focusin', check);
  }, [toasts]);
  return (
    <div ref={ref} className={`toasts toasts-${placement}`} aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
