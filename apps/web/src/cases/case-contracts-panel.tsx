/**
 * 合同与签署 (contracts and signing) panel of the case page. Placeholder until the helper building that part replaces this file.
 */
export function CaseContractsPanel(_props: { caseId: string; onChanged: () => void }) {
  return null;
}
