import { createCrmHttp } from "@/lib/crm/http";
import type { CrmDeps } from "@/lib/crm/tokens";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";

/** The CRM dependencies of this process, from configuration. */
export async function getCrmDeps(): Promise<CrmDeps> {
  const config = env();
  return {
    db: await getDb(),
    http: createCrmHttp(config.crm.apiBase),
    client: {
      clientId: config.crm.clientId,
      clientSecret: config.crm.clientSecret,
      redirectUri: `${config.appUrl}/api/oauth/callback`,
    },
    encryptionKey: config.tokenEncryptionKey,
    singleProcessDb: config.database.driver === "pglite",
  };
}
