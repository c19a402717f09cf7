"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { CloseIcon } from "@/app/_components/icons";

export type ToastTone = "info" | "success" | "error";
export type ToastInput = { title: string; description?: string; tone?: ToastTone; durationMs?: number };
type ToastItem = ToastInput & { id: number };

/** At most this many toasts are on screen; older ones make room. */
const MAX_VISIBLE = 4;
const DEFAULT_DURATION_MS: Record<ToastTone, number> = { info: 4000, success: 4000, error: 7000 };

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setToasts((all) => all.filter((t) => t.id !== id));
  }, []);

  const show = useCallback(
    (toast: ToastInput) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-(MAX_VISIBLE - 1)), { ...toast, id }]);
      timers.current.set(id, setTimeout(() => dismiss(id), toast.durationMs ?? DEFAULT_DURATION_MS[toast.tone ?? "info"]));
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  return (
    <ToastContext.Provider value={show}>
      {children}
      {/* One polite live region: toasts are announced without interrupting. */}
      <div className="toasts" aria-live="polite" aria-relevant="additions">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone ?? "info"}`} data-testid="toast">
            <div className="toast-body">
              <div className="toast-title">{t.title}</div>
              {t.description ? <div className="muted">{t.description}</div> : null}
            </div>
            <button type="button" className="btn btn-ghost btn-sm btn-icon" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
              <CloseIcon size={16} strokeWidth={2} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** `const toast = useToast(); toast({ title: "Link copied", tone: "success" })`. */
export function useToast(): (toast: ToastInput) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast must be used inside <ToastProvider>");
  return show;
}
