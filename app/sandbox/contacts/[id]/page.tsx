import type { Metadata } from "next";
import { ContactDetail } from "@/app/sandbox/_components/contact-detail";

export const metadata: Metadata = { title: "Contact" };

export default async function SandboxContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ContactDetail contactId={id} />;
}
