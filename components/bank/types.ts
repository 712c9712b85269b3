// Plain, serialisable shapes the bank pages hand to client components.
export type MessageRow = {
  id: string;
  name: string;
  tags: string[];
  weight: number;
  enabled: boolean;
  currentVersion: number;
  versionCount: number;
  updatedAt: string;
};

export type VersionRow = {
  id: string;
  version: number;
  content: string;
  note: string | null;
  createdAt: string;
  authorName: string | null;
};

export type EnabledFilter = "all" | "enabled" | "disabled";
