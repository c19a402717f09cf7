import type { Metadata } from "next";
import { MarketplaceView } from "@/app/sandbox/_components/marketplace-view";
import { listPlans } from "@/app/sandbox/_components/plan-listing";

export const metadata: Metadata = { title: "Marketplace" };

export default function SandboxMarketplacePage() {
  return <MarketplaceView plans={listPlans()} />;
}
