"use client";

import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Modal } from "@/app/_components/ui/modal";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { DownloadIcon } from "@/app/app/links/_components/icons";

/** What a QR code encodes: the short URL marked as a scan (`qr=1`, stripped before forwarding). */
export function qrTarget(shortUrl: string): string {
  const url = new URL(shortUrl);
  url.searchParams.set("qr", "1");
  return url.toString();
}

const QR_SIZE_PX = 1024;

export type QrModalProps = { open: boolean; onClose: () => void; shortUrl: string; slug: string };

/** A plain QR preview, drawn in the browser (no third-party service sees the link), with a PNG download. */
export function QrModal({ open, onClose, shortUrl, slug }: QrModalProps) {
  const [png, setPng] = useState<{ forUrl: string; dataUrl: string } | null>(null);
  const [failedFor, setFailedFor] = useState<string | null>(null);
  const target = qrTarget(shortUrl);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    QRCode.toDataURL(target, { width: QR_SIZE_PX, margin: 2, errorCorrectionLevel: "M", color: { dark: "#18181b", light: "#ffffff" } })
      .then((dataUrl) => {
        if (!cancelled) setPng({ forUrl: target, dataUrl });
      })
      .catch(() => {
        if (!cancelled) setFailedFor(target);
      });
    return () => {
      cancelled = true;
    };
  }, [open, target]);

  const ready = png?.forUrl === target ? png.dataUrl : null;
  const failed = failedFor === target;

  return (
    <Modal
      open={open}
      onClose={onClose}
      title="QR code"
      description="Scans are counted like clicks and show as source “QR”."
      width={420}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Close
          </Button>
          {ready ? (
            <a className="btn btn-primary" href={ready} download={`qr-${slug}.png`} data-testid="qr-download">
              <DownloadIcon size={16} />
              Download PNG
            </a>
          ) : (
            <Button variant="primary" icon={<DownloadIcon size={16} />} disabled>
              Download PNG
            </Button>
          )}
        </>
      }
    >
      <div className="qr-preview">
        {ready ? (
          // eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn in the browser
          <img src={ready} alt={`QR code for ${shortUrl}`} width={240} height={240} data-testid="qr-image" />
        ) : failed ? (
          <p className="field-error">The QR code could not be drawn. Close this window and try again.</p>
        ) : (
          <Skeleton width={240} height={240} radius={12} />
        )}
        <code className="qr-url">{target}</code>
        <p className="subtle" style={{ fontSize: 12.5, textAlign: "center" }}>
          Colours, shapes and logos live in QR Studio.
        </p>
      </div>
    </Modal>
  );
}
