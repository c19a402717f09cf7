/**
 * CSV as RFC 4180 has it (comma-separated, `"`-quoted cells with `""` for a quote, CRLF lines),
 * read leniently (LF or CR lines, a UTF-8 BOM) and written strictly. Cells that a spreadsheet
 * would run as a formula (starting with = + - @ tab or CR) are written with a leading `'`, and
 * that guard is removed again on import, so an export imports back unchanged.
 */
import { AppError } from "@/lib/errors";
import { IMPORT_MAX_BYTES } from "@/lib/links/schemas";

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, formula-guarded and quoted when needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One record, CRLF-terminated. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** Undoes `csvCell`'s formula guard: `'=x` → `=x`; any other cell is unchanged. */
export function unguardCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** A parsed record and the file line it starts on (1-based; the header is line 1 in most files). */
export type CsvRecord = { line: number; cells: string[] };

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

export class CsvTooManyRecordsError extends Error {
  constructor(readonly limit: number) {
    super(`More than ${limit} records`);
    this.name = "CsvTooManyRecordsError";
  }
}

/**
 * Parses CSV text into records. Blank lines are skipped. Throws `CsvSyntaxError` for a quote
 * left open or text after a closing quote, and `CsvTooManyRecordsError` past `maxRecords`.
 */
export function parseCsv(input: string, maxRecords: number = Number.POSITIVE_INFINITY): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const pushCell = () => {
    cells.push(cell);
    cell = "";
    quoted = false;
  };
  const endRecord = () => {
    const blank = cells.length === 0 && cell === "" && !quoted;
    pushCell();
    if (!blank) {
      if (records.length >= maxRecords) throw new CsvTooManyRecordsError(maxRecords);
      records.push({ line: recordLine, cells });
    }
    cells = [];
  };

  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && cell === "" && !quoted) {
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError(openedOn, "A quoted cell is never closed");
        const c = text[i] ?? "";
        if (c === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
          cell += c;
          i++;
        }
      }
      quoted = true;
      const next = text[i];
      if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
        throw new CsvSyntaxError(line, "A quoted cell must be followed by a comma or the end of the line");
      }
    } else if (ch === ",") {
      pushCell();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cells.length > 0 || cell !== "" || quoted) endRecord();
  return records;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `CSV files can be at most ${Math.round(maxBytes / 1024 / 1024)} MB`);
}

async function readLimited(req: Request, limit: number, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!req.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    parts.push(value);
  }
  const out = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function decodeUtf8(bytes: Uint8Array | ArrayBuffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_input", "The file must be UTF-8 text (in Excel: Save As → CSV UTF-8)", {
      fieldErrors: { file: ["The file must be UTF-8 text"] },
    });
  }
}

/** Room for the multipart envelope (boundaries, part headers) around the file itself. */
const MULTIPART_ENVELOPE_BYTES = 64 * 1024;

/**
 * The CSV text of an upload: a `multipart/form-data` body with the file in the field `file`, or
 * the CSV as the body itself (`text/csv`). Past `maxBytes` → `payload_too_large`, checked on the
 * declared length first and on the bytes actually read.
 */
export async function readCsvBody(req: Request, maxBytes: number = IMPORT_MAX_BYTES): Promise<string> {
  const contentType = req.headers.get("content-type") ?? "";
  const multipart = contentType.toLowerCase().startsWith("multipart/form-data");
  const limit = maxBytes + (multipart ? MULTIPART_ENVELOPE_BYTES : 0);
  if (Number(req.headers.get("content-length") ?? "0") > limit) throw tooLarge(maxBytes);
  const bytes = await readLimited(req, limit, maxBytes);
  if (!multipart) return decodeUtf8(bytes);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("invalid_input", "The upload could not be read", { fieldErrors: { file: ["The upload could not be read"] } });
  }
  const file = form.get("file");
  if (file === null || typeof file === "string") {
    if (typeof file === "string") return file;
    throw new AppError("invalid_input", "Attach the CSV file in a form field named file", {
      fieldErrors: { file: ["Attach the CSV file in a form field named file"] },
    });
  }
  if (file.size > maxBytes) throw tooLarge(maxBytes);
  return decodeUtf8(await file.arrayBuffer());
}
