import type { ReactNode } from "react";
import "./links.css";

export default function LinksLayout({ children }: { children: ReactNode }) {
  return children;
}
