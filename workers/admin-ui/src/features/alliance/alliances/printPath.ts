/** Where a document's print view lives: outside the sidebar layout (features/alliance/index.tsx rootPages). */
export const printPath = (tenant: string, allianceId: string, docId: string) =>
  `/print/t/${encodeURIComponent(tenant)}/alliances/${encodeURIComponent(allianceId)}/documents/${encodeURIComponent(docId)}`;
