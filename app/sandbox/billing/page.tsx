import type { Metadata } from "next";
import { BillingView } from "@/app/sandbox/_components/billing-view";
import { listPlans } from "@/app/sandbox/_components/plan-listing";

export const metadata: Metadata = { title: "Billing" };

export default function SandboxBillingPage() {
  return <BillingView plans={listPlans()} />;
}
