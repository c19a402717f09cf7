"use client";

import type { ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";
import { Modal } from "@/app/_components/ui/modal";

export type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  tone?: "primary" | "danger";
  /** The confirmed call is running: the confirm button spins and the dialog cannot be dismissed. */
  isPending: boolean;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
};

/** A CRM-style "are you sure?" dialog around the shared Modal. */
export function ConfirmDialog({ open, title, children, confirmLabel, tone = "primary", isPending, onConfirm, onClose, testId }: ConfirmDialogProps) {
  const close = () => {
    if (!isPending) onClose();
  };
  return (
    <Modal
      open={open}
      onClose={close}
      title={title}
      width={460}
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={isPending}>
            Cancel
          </Button>
          <Button variant={tone} loading={isPending} onClick={onConfirm} data-testid={testId ? `${testId}-confirm` : undefined}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="sbx-confirm-body" data-testid={testId}>
        {children}
      </div>
    </Modal>
  );
}
