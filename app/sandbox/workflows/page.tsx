import "./workflows.css";
import type { Metadata } from "next";
import { WorkflowsView } from "@/app/sandbox/_components/workflows-view";

export const metadata: Metadata = { title: "Workflows" };

export default function SandboxWorkflowsPage() {
  return <WorkflowsView />;
}
