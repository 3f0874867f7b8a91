/** The `ETag` response header of a versioned object, as the API document describes it. */
export const ETagHeader = { ETag: { schema: { type: 'string' as const }, description: '当前版本，修改时放入 If-Match' } };
