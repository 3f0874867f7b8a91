export * from './org-view.ts';
export * from './org-queries.ts';
export * from './org-rules.ts';
export * from './org-commands.ts';
export * from './org-sheet.ts';
export * from './org-import.ts';
export * from './org-export.ts';
export { liaisonOrgTodos, orgsWithin } from './todos.ts';
