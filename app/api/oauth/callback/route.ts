import { getCrmDeps } from "@/lib/crm/deps";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handle";
import { completeOAuthInstall } from "@/lib/installs/install-app";

export const dynamic = "force-dynamic";

/** The marketplace's OAuth redirect: install, then land the user in the app. */
export const GET = handle(async (req) => {
  const code = new URL(req.url).searchParams.get("code");
  if (!code) throw new AppError("invalid_input", "The install link has no authorization code. Install the app again from the marketplace.");
  const config = env();
  await completeOAuthInstall(await getCrmDeps(), config.crm.planIds, code);
  return Response.redirect(`${config.appUrl}/app?installed=1`, 302);
});
