export * from './parties.ts';
export * from './ip-assets.ts';
export * from './ledger.ts';
export * from './case-documents.ts';
export * from './pledge-registrations.ts';
export * from './servicing.ts';
export * from './monitoring.ts';
export * from "./case-attachments.ts";
