/**
 * 质押登记 (pledge registration) panel of the case page. Placeholder until the helper building that part replaces this file.
 */
export function CaseRegistrationPanel(_props: { caseId: string; onChanged: () => void }) {
  return null;
}
