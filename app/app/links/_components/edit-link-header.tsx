"use client";

import { useState } from "react";
import { QrIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { CopyButton } from "@/app/app/links/_components/copy-button";
import { STATUS_LABELS, STATUS_TONES } from "@/app/app/links/_components/links-data";
import { QrModal } from "@/app/app/links/_components/qr-modal";
import type { LinkDto } from "@/lib/links/schemas";

/** Under the edit page's title: the live short URL (copy, QR), its status and clicks. */
export function EditLinkHeader({ link }: { link: LinkDto }) {
  const [qr, setQr] = useState(false);
  const short = link.shortUrl.replace(/^https?:\/\//, "");
  return (
    <div className="edit-header">
      <span className="edit-header-url" data-testid="edit-short-url">
        {short}
      </span>
      <CopyButton text={link.shortUrl} label={`Copy ${short}`} />
      <Button variant="ghost" size="sm" iconOnly aria-label="Show QR code" onClick={() => setQr(true)}>
        <QrIcon size={15} />
      </Button>
      <Badge tone={STATUS_TONES[link.status]} testId="edit-status">
        {STATUS_LABELS[link.status]}
      </Badge>
      <span className="subtle">
        {link.clicks.toLocaleString("en-US")} {link.clicks === 1 ? "click" : "clicks"}
      </span>
      <QrModal open={qr} onClose={() => setQr(false)} shortUrl={link.shortUrl} slug={link.slug} />
    </div>
  );
}
