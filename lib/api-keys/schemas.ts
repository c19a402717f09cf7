/** API key inputs and DTOs, shared by the Settings form and the REST API. Client-safe: zod only. */
import { z } from "zod";

export const API_KEY_NAME_MAX = 100;

export const createApiKeySchema = z.object({
  name: z
    .string({ error: "Name the key (e.g. Zapier)" })
    .trim()
    .min(1, "Name the key (e.g. Zapier)")
    .max(API_KEY_NAME_MAX, `Key names can be at most ${API_KEY_NAME_MAX} characters`),
});

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
export type CreateApiKeyValues = z.output<typeof createApiKeySchema>;

/** A key as listed in Settings: never the key itself, only its first characters. */
export type ApiKeyDto = {
  id: string;
  name: string;
  /** The key's first characters (`sl_live_AbCd1234`), to tell keys apart. */
  prefix: string;
  createdAt: string;
  /** Updated at most once a minute. */
  lastUsedAt: string | null;
  createdBy: { id: string; name: string } | null;
};

/** The answer to a create: the only time the full key is ever shown. */
export type CreatedApiKeyDto = { id: string; name: string; prefix: string; key: string; createdAt: string };
