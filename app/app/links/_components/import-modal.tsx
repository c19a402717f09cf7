"use client";

import { useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Modal } from "@/app/_components/ui/modal";
import { useToast } from "@/app/_components/ui/toast";
import { UploadIcon } from "@/app/app/links/_components/icons";
import { useSessionExpiry } from "@/app/app/links/_components/links-data";
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type ImportRowError } from "@/lib/links/schemas";

/** The import route: the CSV file as the request body (`text/csv`). */
const IMPORT_URL = "/api/v1/links/import";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "processing" }
  | { kind: "failed"; message: string; rows: ImportRowError[] };

type Answer = { status: number; body: unknown };

function upload(file: File, onProgress: (percent: number) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", IMPORT_URL);
    xhr.withCredentials = true;
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("The upload did not reach Smart Links. Check your connection and try again."));
    xhr.send(file);
  });
}

type ErrorBody = { error: { code: string; message: string; details?: { rows?: ImportRowError[] } } };
const isErrorBody = (b: unknown): b is ErrorBody => typeof b === "object" && b !== null && "error" in b;
const importedOf = (b: unknown): number | null =>
  typeof b === "object" && b !== null && "imported" in b && typeof b.imported === "number" ? b.imported : null;

const formatSize = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export type ImportModalProps = { open: boolean; onClose: () => void; onImported: (count: number) => void };

/**
 * CSV import: pick a file, watch it upload, then either a success toast with the count or the
 * rows that were refused (the import is all-or-nothing, so nothing half-imports).
 */
export function ImportModal({ open, onClose, onImported }: ImportModalProps) {
  const toast = useToast();
  const onExpired = useSessionExpiry();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const isBusy = phase.kind === "uploading" || phase.kind === "processing";

  function reset() {
    setFile(null);
    setPhase({ kind: "idle" });
    if (input.current) input.current.value = "";
  }

  async function start() {
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) {
      setPhase({ kind: "failed", message: `The file is larger than ${formatSize(IMPORT_MAX_BYTES)}. Split it and import the parts.`, rows: [] });
      return;
    }
    setPhase({ kind: "uploading", percent: 0 });
    let answer: Answer;
    try {
      answer = await upload(file, (percent) => setPhase(percent >= 100 ? { kind: "processing" } : { kind: "uploading", percent }));
    } catch (err) {
      setPhase({ kind: "failed", message: err instanceof Error ? err.message : "The upload failed.", rows: [] });
      return;
    }
    if (answer.status === 401) {
      onExpired({ ok: false, code: "unauthorized" });
      setPhase({ kind: "failed", message: "Your session ended. Signing you in again…", rows: [] });
      return;
    }
    const imported = importedOf(answer.body);
    if (answer.status >= 200 && answer.status < 300 && imported !== null) {
      toast({ title: `Imported ${imported} ${imported === 1 ? "link" : "links"}`, description: file.name, tone: "success" });
      onImported(imported);
      reset();
      onClose();
      return;
    }
    const message = isErrorBody(answer.body) ? answer.body.error.message : "The import failed. Try again in a moment.";
    // File-level problems (empty file, bad header) arrive as a "row" too: the message says it all.
    const rows = (isErrorBody(answer.body) ? (answer.body.error.details?.rows ?? []) : []).filter((r) => !("file" in r.errors));
    setPhase({ kind: "failed", message, rows });
  }

  return (
    <Modal
      open={open}
      onClose={() => {
        if (isBusy) return;
        reset();
        onClose();
      }}
      title="Import links from CSV"
      description={`Up to ${IMPORT_MAX_ROWS.toLocaleString("en-US")} rows and ${formatSize(IMPORT_MAX_BYTES)}. Nothing is imported unless every row is valid.`}
      width={560}
      footer={
        <>
          <Button
            variant="ghost"
            disabled={isBusy}
            onClick={() => {
              reset();
              onClose();
            }}
          >
            Cancel
          </Button>
          <Button variant="primary" icon={<UploadIcon size={16} />} disabled={!file} loading={isBusy} onClick={() => void start()} data-testid="import-submit">
            {phase.kind === "failed" ? "Try again" : "Import"}
          </Button>
        </>
      }
    >
      <div className="stack" style={{ gap: 14 }}>
        <div className="import-drop">
          <input
            ref={input}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            className="sr-only"
            disabled={isBusy}
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPhase({ kind: "idle" });
            }}
          />
          <label htmlFor="import-file" className="btn btn-secondary">
            <UploadIcon size={16} />
            {file ? "Choose another file" : "Choose a CSV file"}
          </label>
          <span className={file ? "" : "subtle"} data-testid="import-file-name">
            {file ? `${file.name} · ${formatSize(file.size)}` : "No file chosen"}
          </span>
        </div>
        <p className="subtle" style={{ fontSize: 12.5 }}>
          Columns (header row, any order): <code>{IMPORT_COLUMNS.join(", ")}</code>. Only <code>url</code> is required. Separate several tags
          with <code>;</code>. A new campaign name creates the campaign.
        </p>
        {phase.kind === "uploading" || phase.kind === "processing" ? (
          <div className="stack" style={{ gap: 6 }}>
            <div
              className="progress"
              role="progressbar"
              aria-label={phase.kind === "uploading" ? "Uploading" : "Processing"}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={phase.kind === "uploading" ? phase.percent : undefined}
            >
              <span
                className={`progress-bar${phase.kind === "processing" ? " progress-indeterminate" : ""}`}
                style={phase.kind === "uploading" ? { width: `${phase.percent}%` } : undefined}
              />
            </div>
            <span className="subtle" style={{ fontSize: 12.5 }} role="status">
              {phase.kind === "uploading" ? `Uploading… ${phase.percent}%` : "Checking rows and creating links…"}
            </span>
          </div>
        ) : null}
        {phase.kind === "failed" ? (
          <div className="import-errors" role="alert" data-testid="import-errors">
            <strong>{phase.message}</strong>
            {phase.rows.length > 0 ? (
              <ul>
                {phase.rows.slice(0, 50).map((r) => (
                  <li key={r.row}>
                    <span className="import-row-no">Row {r.row}</span>
                    <span>
                      {Object.entries(r.errors)
                        .map(([field, messages]) => `${field === "_" ? "" : `${field}: `}${messages.join("; ")}`)
                        .join(" · ")}
                    </span>
                  </li>
                ))}
                {phase.rows.length > 50 ? <li className="subtle">…and {phase.rows.length - 50} more rows</li> : null}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </Modal>
  );
}
