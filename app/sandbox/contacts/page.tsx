import type { Metadata } from "next";
import { ContactsView } from "@/app/sandbox/_components/contacts-view";

export const metadata: Metadata = { title: "Contacts" };

export default function SandboxContactsPage() {
  return <ContactsView />;
}
