// The assessment capability's edge schemas (zod: inputs, views, labels).
export {};
