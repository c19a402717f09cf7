"use client";

import { useState } from "react";
import { CopyIcon } from "@/app/_components/icons";
import { useToast } from "@/app/_components/ui/toast";
import { CheckIcon } from "@/app/app/links/_components/icons";

/** Copies to the clipboard; falls back to a hidden textarea where the iframe lacks clipboard permission. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function useCopy(): (text: string, what?: string) => Promise<void> {
  const toast = useToast();
  return async (text, what = "Short link") => {
    const ok = await copyText(text);
    toast(ok ? { title: `${what} copied`, description: text, tone: "success" } : { title: "Could not copy", description: text, tone: "error" });
  };
}

export type CopyButtonProps = { text: string; label?: string; what?: string; size?: "sm" | "md"; testId?: string };

/** An icon button that copies `text` and confirms with a toast and a brief check mark. */
export function CopyButton({ text, label = "Copy short link", what, size = "sm", testId }: CopyButtonProps) {
  const copy = useCopy();
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className={`btn btn-ghost btn-icon${size === "sm" ? " btn-sm" : ""} copy-btn`}
      aria-label={label}
      title={label}
      data-testid={testId}
      onClick={() => {
        void copy(text, what).then(() => {
          setDone(true);
          window.setTimeout(() => setDone(false), 1200);
        });
      }}
    >
      {done ? <CheckIcon size={15} strokeWidth={2.2} /> : <CopyIcon size={15} />}
    </button>
  );
}
