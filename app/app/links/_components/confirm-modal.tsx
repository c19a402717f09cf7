"use client";

import type { ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";
import { Modal } from "@/app/_components/ui/modal";

export type ConfirmModalProps = {
  open: boolean;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  /** Destructive actions get the danger button. */
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

/** A yes/no dialog for actions that cannot be undone (delete, revoke). */
export function ConfirmModal({ open, title, description, children, confirmLabel, danger = false, busy = false, onConfirm, onClose }: ConfirmModalProps) {
  return (
    <Modal
      open={open}
      onClose={busy ? () => undefined : onClose}
      title={title}
      description={description}
      width={440}
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant={danger ? "danger" : "primary"} onClick={onConfirm} loading={busy} data-testid="confirm-action">
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children ?? <p className="muted">This cannot be undone.</p>}
    </Modal>
  );
}
