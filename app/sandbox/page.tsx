import { AppFrame } from "@/app/sandbox/_components/app-frame";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Smart Links' custom page inside the CRM: the app, loaded from APP_URL (another site). */
export default function SandboxAppPage() {
  return <AppFrame appUrl={env().appUrl} />;
}
