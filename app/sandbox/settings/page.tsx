import type { Metadata } from "next";
import { SettingsView } from "@/app/sandbox/_components/settings-view";

export const metadata: Metadata = { title: "Settings" };

export default function SandboxSettingsPage() {
  return <SettingsView />;
}
